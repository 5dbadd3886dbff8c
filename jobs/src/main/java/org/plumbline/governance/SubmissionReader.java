package org.plumbline.governance;

import static org.plumbline.governance.Block.Need.OPTIONAL;
import static org.plumbline.governance.Block.Need.REQUIRED;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/** Reads one entry of {@code submissions}. */
final class SubmissionReader {

  static final List<String> FREQUENCIES = List.of("week", "month", "quarter");

  private SubmissionReader() {}

  static Submission read(Block entry) {
    String id = entry.text("id", REQUIRED);
    String name = entry.text("name", OPTIONAL);
    String source = entry.text("source", REQUIRED);
    String department = entry.text("department", REQUIRED);
    String frequency = entry.oneOf("frequency", FREQUENCIES, REQUIRED);
    Block due = entry.child("due", "due date", REQUIRED);
    Integer days = null;
    LocalTime at = LocalTime.of(23, 59, 59);
    if (due != null) {
      days = due.has("days_after_period") && "0".equals(due.text("days_after_period", OPTIONAL)) ? Integer.valueOf(0)
          : due.count("days_after_period", REQUIRED);
      String time = due.text("at", OPTIONAL);
      if (time != null) {
        try {
          at = LocalTime.parse(time);
        } catch (DateTimeParseException e) {
          due.problem("at", "'at' must be a time of day written hh:mm in quotes (for example \"17:00\"), but it is '"
              + time + "'.");
        }
      }
    }
    var from = entry.date("effective_from", REQUIRED);
    var to = entry.date("effective_to", OPTIONAL);
    return new Submission(id, source, department, frequency, days == null ? 0 : days, at, from, to, name);
  }
}
