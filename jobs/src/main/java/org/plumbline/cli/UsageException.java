package org.plumbline.cli;

/** The command was understood but cannot be done as asked; the message says what to do. */
final class UsageException extends RuntimeException {
  UsageException(String message) {
    super(message);
  }
}
