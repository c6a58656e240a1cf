package org.paperboy.digest;

import java.time.Instant;
import java.util.Locale;

/**
 * One address that gets (or was asked to get) digests.
 *
 * @param userId the account it belongs to, or null for an address-only subscription
 * @param confirmedAt when the address confirmed, or null while pending
 */
public record Subscription(
    String id,
    String email,
    String userId,
    Status status,
    Preferences preferences,
    Instant createdAt,
    Instant confirmedAt) {

  public enum Status {
    /** Waiting for the address to confirm; gets nothing but the confirmation mail. */
    PENDING,
    /** Confirmed: gets digests. */
    ACTIVE,
    /** Unsubscribed by the reader. */
    UNSUBSCRIBED,
    /** The mail server refused the address permanently; nothing more is sent to it. */
    BOUNCED;

    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** The address in the form used to find it again: trimmed, lower case. */
  public static String key(String email) {
    return email.strip().toLowerCase(Locale.ROOT);
  }
}
