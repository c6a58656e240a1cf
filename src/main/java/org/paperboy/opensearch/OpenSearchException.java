package org.paperboy.opensearch;

/** OpenSearch could not be reached or refused a request; the message says which and why. */
public final class OpenSearchException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public OpenSearchException(String message) {
    super(message);
  }

  public OpenSearchException(String message, Throwable cause) {
    super(message, cause);
  }
}
