package org.plumbline.operations;

/** A job name nobody defined: a mistake in the command, not a run refused (exit code 2, not 6). */
public final class UnknownJobException extends IllegalArgumentException {
  public UnknownJobException(String message) {
    super(message);
  }
}
