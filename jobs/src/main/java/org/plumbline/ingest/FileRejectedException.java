package org.plumbline.ingest;

/** A file that cannot be read at all; the message says why in words an operator can act on. */
public class FileRejectedException extends Exception {
  public FileRejectedException(String reason) {
    super(reason);
  }

  public FileRejectedException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
