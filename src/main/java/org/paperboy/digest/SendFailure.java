package org.paperboy.digest;

/** Why the SMTP server did not take a mail, and what that means for trying again. */
public final class SendFailure extends Exception {
  private static final long serialVersionUID = 1L;

  public enum Kind {
    /** A 4xx reply for this mail: try it again later. */
    TEMPORARY,
    /** A 5xx reply: the address or the mail is refused for good. */
    PERMANENT,
    /** No SMTP conversation at all (connection refused, timeout): stop and try later. */
    UNAVAILABLE
  }

  private final Kind kind;

  public SendFailure(Kind kind, String message, Throwable cause) {
    super(message, cause);
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }
}
