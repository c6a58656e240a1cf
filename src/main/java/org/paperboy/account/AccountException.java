package org.paperboy.account;

/** A sign-up or sign-in the reader has to correct; the message is safe to show. */
public final class AccountException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public AccountException(String message) {
    super(message);
  }
}
