package org.plumbline.operations;

/** Turns an exception into the sentence ops staff read: the innermost message Plumbline wrote. */
public final class PlainWords {

  private PlainWords() {}

  public static String of(Throwable failure) {
    Throwable t = failure;
    String message = t.getMessage();
    // Walk down to the cause that carries our own sentence; library wrappers add only noise.
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
      if (t.getMessage() != null && t.getClass().getName().startsWith("org.plumbline")) {
        message = t.getMessage();
      }
    }
    // Spring's start-up wrappers ("Error creating bean …") hide the sentence at the root.
    if (!failure.getClass().getName().startsWith("org.plumbline") && t != failure
        && failure.getClass().getName().startsWith("org.springframework.beans") && t.getMessage() != null
        && (message == null || message.equals(failure.getMessage()))) {
      message = t.getMessage();
    }
    return message == null ? failure.getClass().getSimpleName() : message;
  }

  /** The first line of an exception's message (DuckDB's and mail servers' carry details below it), or its kind. */
  public static String firstLineOf(Throwable failure) {
    String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
    return message.strip().lines().findFirst().orElse("").strip();
  }

  /** The first line of a stored exit description (Batch stores the whole stack trace there). */
  public static String firstLine(String exitDescription) {
    if (exitDescription == null || exitDescription.isBlank()) {
      return "";
    }
    String line = exitDescription.lines().findFirst().orElse("").strip();
    // "java.lang.IllegalStateException: The warehouse failed…" reads better without the class.
    int colon = line.indexOf(": ");
    if (colon > 0 && line.substring(0, colon).matches("[\\w.$]+(Exception|Error)")) {
      line = line.substring(colon + 2);
    }
    return line;
  }
}
