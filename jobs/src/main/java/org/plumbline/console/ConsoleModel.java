package org.plumbline.console;

import org.plumbline.operations.RunControl;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** What every page shows: who is logged in, whether they may act, and the run going on. */
@ControllerAdvice
@ConditionalOnWebApplication
class ConsoleModel {

  private final RunControl runs;

  ConsoleModel(RunControl runs) {
    this.runs = runs;
  }

  @ModelAttribute
  void common(Model model) {
    Authentication auth = SecurityContextHolder.getContext().getAuthentication();
    boolean operator = auth != null && auth.getAuthorities().stream()
        .anyMatch(a -> a.getAuthority().equals("ROLE_" + ConsoleSecurity.OPERATOR));
    model.addAttribute("user", auth == null ? "" : auth.getName());
    model.addAttribute("operator", operator);
    model.addAttribute("activeRun", runs.activeRun().isPresent() ? runs.activeRun().getAsLong() : null);
    model.addAttribute("progress", runs.progress().snapshot());
  }
}
