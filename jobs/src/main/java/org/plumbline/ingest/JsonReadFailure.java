package org.plumbline.ingest;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * DuckDB's reason a JSON file cannot be read, in words a user can act on: which record (and,
 * for JSON Lines, which line an editor shows it on) and what is wrong with it, without DuckDB's
 * internals or the temporary path the file was read from.
 */
final class JsonReadFailure {

  /** "Malformed JSON in file "…", at byte 6 in record/value 3: unexpected end of data." */
  private static final Pattern MALFORMED = Pattern.compile(
      "Malformed JSON in file \".*\", at byte \\d+ in (record/value|line) (\\d+): ([^.]*)");

  private JsonReadFailure() {}

  /** Whether DuckDB read the file as JSON Lines and stopped at a malformed line. */
  static boolean isInALine(String duckDbMessage) {
    Matcher m = MALFORMED.matcher(duckDbMessage);
    return m.find() && m.group(1).equals("line");
  }

  static String describe(String duckDbMessage, Path file) {
    String message = duckDbMessage.replaceFirst("^[A-Za-z ]+ Error: ", "");
    if (message.startsWith("Missing closing brace ']'")) {
      return "It is not valid JSON: the array of records is never closed with ']', so the file is cut off"
          + " (truncated). Ask for the export to be written again.";
    }
    Matcher m = MALFORMED.matcher(message);
    if (!m.find()) {
      return "It could not be read as JSON: " + message.replaceAll("\"/[^\"]*\"", "").replaceAll("'/[^']*'", "")
          + " Only an array of objects, or JSON Lines (one object a line), is read.";
    }
    // DuckDB counts the values it has started, so the one it failed in is one less; blank
    // lines of JSON Lines are not values.
    long record = Long.parseLong(m.group(2)) - 1;
    String where = "record " + record;
    if (m.group(1).equals("line")) {
      long line = lineOfRecord(file, record);
      if (line > 0) {
        where = "line " + line + " (record " + record + ")";
      }
    }
    return "It is not valid JSON: " + where + " " + inWords(m.group(3).strip())
        + ". Ask for the export to be written again.";
  }

  /** yyjson's reason ("unexpected end of data") as what a person sees in the text. */
  static String inWords(String reason) {
    return switch (reason) {
      case "unexpected end of data" ->
          "ends before its JSON is complete (a quote, brace or bracket is missing, or the file is cut off)";
      case "unexpected character" -> "holds a character JSON does not allow there";
      case "unexpected content after document" -> "has text after the end of its JSON value";
      case "unexpected control character in string" ->
          "has a line break or control character inside a string (a closing quote is missing?)";
      default -> "is malformed (" + reason + ")";
    };
  }

  /** The line an editor shows the record-th non-blank line on; 0 if the file cannot say. */
  private static long lineOfRecord(Path file, long record) {
    try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
      long line = 1;
      long nonBlank = 0;
      boolean blank = true;
      int b;
      while ((b = in.read()) != -1) {
        if (b == '\n') {
          line++;
          blank = true;
        } else if (blank && b != ' ' && b != '\t' && b != '\r') {
          blank = false;
          if (++nonBlank == record) {
            return line;
          }
        }
      }
      return 0;
    } catch (IOException e) {
      return 0;
    }
  }
}
