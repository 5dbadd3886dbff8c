package org.plumbline.console;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.plumbline.reconcile.Reissue;
import org.plumbline.schedule.Schedules;
import org.plumbline.system.PlumblineHome;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/** The latest PDF reports (downloadable), re-issues of past reports after them, and the schedules with their next fire times. */
@Controller
@ConditionalOnWebApplication
class ReportsController {

  /** One PDF in the outbox; a re-issue's is a past date's report made again (its name says which run). */
  record Report(String name, long sizeKb, java.time.LocalDateTime written) {
    public boolean reissue() {
      return Reissue.madeFile(name);
    }
  }

  private final PlumblineHome home;
  private final Schedules schedules;

  ReportsController(PlumblineHome home, Schedules schedules) {
    this.home = home;
    this.schedules = schedules;
  }

  @GetMapping("/reports")
  String reports(Model model) {
    model.addAttribute("reports", reports());
    return "reports";
  }

  /** Only names listed in the outbox are served, so no path can reach outside it. */
  @GetMapping("/reports/{name}")
  ResponseEntity<Resource> download(@PathVariable String name) {
    Report report = reports().stream().filter(r -> r.name().equals(name)).findFirst()
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "There is no report " + name + "."));
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(report.name()).build().toString())
        .body(new FileSystemResource(home.outbox().resolve(report.name())));
  }

  @GetMapping("/schedules")
  String schedules(Model model) {
    model.addAttribute("schedules", schedules.list());
    model.addAttribute("zone", schedules.list().isEmpty() ? "" : schedules.list().get(0).next().getZone().toString());
    return "schedules";
  }

  private List<Report> reports() {
    try (Stream<Path> files = Files.list(home.outbox())) {
      return files.filter(p -> p.getFileName().toString().endsWith(".pdf")).map(ReportsController::report)
          .sorted(Comparator.comparing(Report::written).reversed()).limit(50)
          // then re-issues after what was issued (a stable sort): the newest issued report stays on top
          .sorted(Comparator.comparing(Report::reissue)).toList();
    } catch (IOException e) {
      throw new ResponseStatusException(HttpStatus.INTERNAL_SERVER_ERROR, "Could not list " + home.outbox(), e);
    }
  }

  private static Report report(Path p) {
    try {
      return new Report(p.getFileName().toString(), (Files.size(p) + 1023) / 1024,
          java.time.LocalDateTime.ofInstant(Files.getLastModifiedTime(p).toInstant(), java.time.ZoneId.systemDefault()));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
