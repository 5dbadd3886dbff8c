package org.plumbline.console;

import java.time.LocalDate;
import java.util.List;
import org.plumbline.operations.PlainWords;
import org.plumbline.operations.RunControl;
import org.plumbline.operations.RunHistory;
import org.plumbline.operations.RunView;
import org.springframework.batch.core.job.Job;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The runs pages: the list, one run's steps and failure, and the launch, stop and restart actions. */
@Controller
@ConditionalOnWebApplication
class RunsController {

  private final RunControl runs;
  private final RunHistory history;
  private final List<String> jobNames;

  RunsController(RunControl runs, RunHistory history, List<Job> jobs) {
    this.runs = runs;
    this.history = history;
    this.jobNames = jobs.stream().map(Job::getName).sorted().toList();
  }

  @GetMapping("/")
  String home() {
    return "redirect:/runs";
  }

  @GetMapping("/login")
  String login() {
    return "login";
  }

  @GetMapping("/runs")
  String list(Model model) {
    List<RunView> latest = history.latest(50);
    model.addAttribute("runs", latest);
    model.addAttribute("jobs", jobNames);
    model.addAttribute("today", LocalDate.now());
    model.addAttribute("refresh", latest.stream().anyMatch(RunView::running));
    return "runs";
  }

  @GetMapping("/runs/{id}")
  String show(@PathVariable long id, Model model) {
    RunView run = history.find(id).orElseThrow(() ->
        new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no run " + id + "."));
    model.addAttribute("run", run);
    model.addAttribute("refresh", run.running());
    return "run";
  }

  @PostMapping("/runs")
  String launch(@RequestParam String job, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
      LocalDate asOf, RedirectAttributes redirect) {
    try {
      long id = runs.launch(job, asOf == null ? LocalDate.now() : asOf);
      redirect.addFlashAttribute("message", "Run " + id + " of " + job + " started.");
      return "redirect:/runs/" + id;
    } catch (RuntimeException e) {
      redirect.addFlashAttribute("error", PlainWords.of(e));
      return "redirect:/runs";
    }
  }

  @PostMapping("/runs/{id}/stop")
  String stop(@PathVariable long id, RedirectAttributes redirect) {
    try {
      redirect.addFlashAttribute("message", runs.stop(id));
    } catch (RuntimeException e) {
      redirect.addFlashAttribute("error", PlainWords.of(e));
    }
    return "redirect:/runs/" + id;
  }

  @PostMapping("/runs/{id}/restart")
  String restart(@PathVariable long id, RedirectAttributes redirect) {
    try {
      long restarted = runs.restartInBackground(id);
      redirect.addFlashAttribute("message", "Run " + id + " continues as run " + restarted + ".");
      return "redirect:/runs/" + restarted;
    } catch (RuntimeException e) {
      redirect.addFlashAttribute("error", PlainWords.of(e));
      return "redirect:/runs/" + id;
    }
  }
}
