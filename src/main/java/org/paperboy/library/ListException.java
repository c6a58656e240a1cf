package org.paperboy.library;

/** A reading-list request that cannot be done (bad name, too many lists, not yours); says why. */
public final class ListException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Whether the list (or paper) does not exist for this reader: a 404 rather than a 400. */
  private final boolean notFound;

  ListException(String message, boolean notFound) {
    super(message);
    this.notFound = notFound;
  }

  static ListException bad(String message) {
    return new ListException(message, false);
  }

  static ListException notFound(String message) {
    return new ListException(message, true);
  }

  public boolean notFound() {
    return notFound;
  }
}
