package org.paperboy.digest;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.paperboy.account.User;

/**
 * Subscribing, double opt-in, preferences and unsubscribing. Whatever address is given, the
 * subscribe answer is the same; what differs is only the mail that address receives: a confirmation
 * link (new or pending), a preferences link (already confirmed), or nothing (an address the mail
 * server refused for good). At most one such mail per address per {@link #RESEND_AFTER}.
 */
public final class Subscriptions {
  static final Duration RESEND_AFTER = Duration.ofMinutes(10);
  private static final int MAX_EMAIL = 254;

  private final SubscriptionStore store;
  private final Outbox outbox;
  private final MailLinks links;
  private final MailRenderer renderer;
  private final Runnable wake;
  private final Clock clock;

  /**
   * @param wake called after a notice is queued so the sender delivers it now
   */
  public Subscriptions(
      SubscriptionStore store,
      Outbox outbox,
      MailLinks links,
      MailRenderer renderer,
      Runnable wake,
      Clock clock) {
    this.store = store;
    this.outbox = outbox;
    this.links = links;
    this.renderer = renderer;
    this.wake = wake;
    this.clock = clock;
  }

  public SubscriptionStore store() {
    return store;
  }

  /**
   * Asks for digests at {@code email}; the reader confirms from the mail. Throws {@link
   * DigestException} only for a malformed address or preferences.
   */
  public void subscribe(String email, User account, Preferences preferences) {
    String address = checkEmail(email);
    Instant now = clock.instant();
    Subscription s =
        store.request(address, account == null ? null : account.id(), preferences, now);
    if (s.status() == Subscription.Status.BOUNCED
        || !store.claimConfirmation(s.id(), now, now.minus(RESEND_AFTER))) {
      return;
    }
    Mail notice =
        s.status() == Subscription.Status.ACTIVE
            ? renderer.notice(
                s.id(),
                Outbox.NOTICE_PREFIX + now.toEpochMilli(),
                s.email(),
                "You already get Paperboy digests",
                "Someone (probably you) asked to subscribe this address, which already gets"
                    + " Paperboy digests. You can change what you get, or unsubscribe, here:",
                "Change your digest",
                links.preferences(s.id(), now),
                "If this was not you, you can ignore this mail.")
            : renderer.notice(
                s.id(),
                Outbox.NOTICE_PREFIX + now.toEpochMilli(),
                s.email(),
                "Confirm your Paperboy digest",
                "Someone (probably you) asked to send Paperboy's paper digest to this address."
                    + " Nothing will be sent until you confirm. The link works for 7 days.",
                "Confirm subscription",
                links.confirm(s.id(), now),
                "If this was not you, ignore this mail and you will get nothing more.");
    outbox.enqueue(List.of(notice), now);
    wake.run();
  }

  /** Confirms from a mailed link; the subscription, now active. */
  public Subscription confirm(String token) {
    Instant now = clock.instant();
    String id =
        links
            .verify(token, LinkSigner.Purpose.CONFIRM, now)
            .orElseThrow(
                () ->
                    new DigestException(
                        "This confirmation link is invalid or has expired. Subscribe again to get"
                            + " a new one."));
    Subscription s = found(id);
    if (s.status() == Subscription.Status.PENDING) {
      store.confirm(id, now);
      wake.run(); // past today's send hour, the first edition goes out now
    } else if (s.status() != Subscription.Status.ACTIVE) {
      throw new DigestException(
          "This subscription was ended. Subscribe again to get a new confirmation link.");
    }
    return found(id);
  }

  /** The subscription an unsubscribe link is for (nothing changes). */
  public Subscription byUnsubscribeLink(String token) {
    return found(
        links
            .verify(token, LinkSigner.Purpose.UNSUBSCRIBE, clock.instant())
            .orElseThrow(() -> new DigestException("This unsubscribe link is not valid.")));
  }

  /** Ends a subscription from its unsubscribe link (idempotent). */
  public Subscription unsubscribe(String token) {
    Subscription s = byUnsubscribeLink(token);
    String id = s.id();
    if (s.status() != Subscription.Status.BOUNCED) {
      store.setStatus(id, Subscription.Status.UNSUBSCRIBED);
    }
    return found(id);
  }

  /** The subscription a preferences link is for. */
  public Subscription byPreferencesLink(String token) {
    return found(
        links
            .verify(token, LinkSigner.Purpose.PREFERENCES, clock.instant())
            .orElseThrow(
                () ->
                    new DigestException(
                        "This preferences link is invalid or has expired; use the link in your"
                            + " latest digest.")));
  }

  public Subscription update(String id, Preferences p) {
    store.update(id, p);
    return found(id);
  }

  public Optional<Subscription> forUser(String userId) {
    return store.findByUser(userId);
  }

  /** A preferences token for pages that post back to themselves. */
  public String preferencesToken(String id) {
    return links.preferencesToken(id, clock.instant());
  }

  private Subscription found(String id) {
    return store
        .find(id)
        .orElseThrow(() -> new DigestException("This link is for a subscription that is gone."));
  }

  /** A bare address (no display name), at most 254 characters, with a domain. */
  public static String checkEmail(String raw) {
    if (raw == null || raw.isBlank()) {
      throw new DigestException("email: enter an email address");
    }
    String e = raw.strip();
    if (e.length() > MAX_EMAIL) {
      throw new DigestException("email: an address is at most " + MAX_EMAIL + " characters");
    }
    try {
      InternetAddress a = new InternetAddress(e, true);
      a.validate();
      if (!a.getAddress().equals(e) || a.getPersonal() != null || e.indexOf('@') < 1) {
        throw new AddressException("not a bare address");
      }
    } catch (AddressException ex) {
      throw new DigestException("email: '" + e + "' is not an email address");
    }
    return e;
  }
}
