package org.paperboy.digest;

/** A digest request that cannot be done as asked; the message is safe to show the reader. */
public final class DigestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DigestException(String message) {
    super(message);
  }
}
