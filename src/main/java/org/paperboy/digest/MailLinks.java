package org.paperboy.digest;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The absolute links mails and pages carry: the site, paper pages, and signed confirm, preferences
 * and unsubscribe links, built from the public base URL in one place.
 */
public final class MailLinks {
  /** How long a confirmation link works. */
  static final Duration CONFIRM_TTL = Duration.ofDays(7);

  /** How long preferences links in a mail keep working. */
  static final Duration PREFERENCES_TTL = Duration.ofDays(90);

  private final LinkSigner signer;
  private final Supplier<String> siteUrl;

  MailLinks(LinkSigner signer, Supplier<String> siteUrl) {
    this.signer = signer;
    this.siteUrl = siteUrl;
  }

  public String site() {
    return siteUrl.get();
  }

  public String paper(String id) {
    return site() + "/papers/" + id;
  }

  public String confirm(String subscriptionId, Instant now) {
    return site()
        + "/digest/confirm?t="
        + signer.sign(LinkSigner.Purpose.CONFIRM, subscriptionId, now, CONFIRM_TTL);
  }

  public String preferences(String subscriptionId, Instant now) {
    return site() + "/digest/preferences?t=" + preferencesToken(subscriptionId, now);
  }

  public String preferencesToken(String subscriptionId, Instant now) {
    return signer.sign(LinkSigner.Purpose.PREFERENCES, subscriptionId, now, PREFERENCES_TTL);
  }

  /** The one-click unsubscribe link; it never expires, so the same link works in every mail. */
  public String unsubscribe(String subscriptionId, Instant now) {
    return site()
        + "/digest/unsubscribe?t="
        + signer.sign(LinkSigner.Purpose.UNSUBSCRIBE, subscriptionId, now, null);
  }

  /** The subscription a valid, unexpired token for {@code purpose} names. */
  Optional<String> verify(String token, LinkSigner.Purpose purpose, Instant now) {
    return signer.verify(token, purpose, now);
  }
}
