package org.paperboy.digest;

import java.util.List;

/**
 * A composed mail, ready for the outbox.
 *
 * @param edition what it is, unique per subscription: {@code daily/2026-11-24}, {@code
 *     weekly/2026-11-23}, {@code confirm/…}
 * @param paperIds the papers it sends (recorded so no paper is sent twice)
 */
public record Mail(
    String subscriptionId,
    String edition,
    String recipient,
    String subject,
    String html,
    String plain,
    List<String> paperIds) {
  public Mail {
    paperIds = List.copyOf(paperIds);
  }

  /** Confirmation and other notices carry no unsubscribe header; digests do. */
  public boolean isDigest() {
    return !edition.startsWith(Outbox.NOTICE_PREFIX);
  }
}
