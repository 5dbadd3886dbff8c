package org.plumbline.operations;

/**
 * A run number the job repository does not know: a mistake in the command (exit code 2, like an
 * unknown load or finding), not a run refused.
 */
public final class UnknownRunException extends IllegalArgumentException {
  public UnknownRunException(long id) {
    super("There is no run " + id + "; `plumbline history` lists the runs.");
  }
}
