package org.plumbline.operations;

/** A launch, stop or restart that cannot be done as asked; the message says why and what to do. */
public final class RunRefusedException extends RuntimeException {
  public RunRefusedException(String message) {
    super(message);
  }
}
