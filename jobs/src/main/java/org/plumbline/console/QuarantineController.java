package org.plumbline.console;

import org.plumbline.system.Warehouse;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The quarantine browser (rows set aside with a reason) and the rejected files. */
@Controller
@ConditionalOnWebApplication
class QuarantineController {

  private final WarehouseQueries queries;

  QuarantineController(Warehouse warehouse) {
    this.queries = new WarehouseQueries(warehouse);
  }

  @GetMapping("/quarantine")
  String quarantine(@RequestParam(required = false) Long run, @RequestParam(required = false) String file,
      @RequestParam(required = false) String reason, Model model) {
    model.addAttribute("run", run);
    model.addAttribute("file", blankToNull(file));
    model.addAttribute("reason", blankToNull(reason));
    model.addAttribute("result", queries.query("sql/ops/quarantined_rows.sql", run, blankToNull(file),
        blankToNull(reason)));
    return "quarantine";
  }

  @GetMapping("/rejected")
  String rejected(@RequestParam(required = false) String file, @RequestParam(required = false) String reason,
      Model model) {
    model.addAttribute("file", blankToNull(file));
    model.addAttribute("reason", blankToNull(reason));
    model.addAttribute("result", queries.query("sql/ops/rejected_files.sql", blankToNull(file), blankToNull(reason)));
    return "rejected";
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
