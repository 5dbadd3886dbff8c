package org.plumbline.cli;

/** Turns an exception into the sentence a user reads: the innermost message we wrote. */
final class Messages {

  private Messages() {}

  static String plain(Throwable failure) {
    Throwable t = failure;
    String message = t.getMessage();
    // Walk down to the cause that carries our own sentence; library wrappers add only noise.
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
      if (t.getMessage() != null && t.getClass().getName().startsWith("org.plumbline")) {
        message = t.getMessage();
      }
    }
    if (message == null) {
      message = failure.getClass().getSimpleName();
    }
    return message;
  }
}
