package org.paperboy.community;

/** A submission that cannot be taken; the message says why, politely. */
public final class SubmissionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SubmissionException(String message) {
    super(message);
  }
}
