package org.paperboy.harvest;

/** A harvest that cannot go on; the message is one line a user can act on. */
public final class HarvestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public HarvestException(String message) {
    super(message);
  }

  public HarvestException(String message, Throwable cause) {
    super(message, cause);
  }
}
