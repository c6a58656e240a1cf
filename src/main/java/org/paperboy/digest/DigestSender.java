package org.paperboy.digest;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.paperboy.jobs.Sleeper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers the outbox: claims due mails, sends each over SMTP at most at the configured rate, and
 * records the outcome at once. A 4xx reply retries the mail with exponential back-off (1 minute,
 * doubling, at most 6 hours, {@value #MAX_ATTEMPTS} attempts); a 5xx reply fails it and marks the
 * address bounced, so nothing more is sent there; no SMTP server at all stops the round, and the
 * mail is tried again on the next one.
 */
public final class DigestSender {
  private static final Logger LOG = LoggerFactory.getLogger(DigestSender.class);
  static final int MAX_ATTEMPTS = 8;
  static final Duration FIRST_RETRY = Duration.ofMinutes(1);
  static final Duration MAX_RETRY = Duration.ofHours(6);

  /** At most this many mails are claimed at a time, and at most 5 seconds' worth. */
  private static final int MAX_CLAIM = 100;

  /** What one delivery round did. */
  public record Report(int sent, int retrying, int failed, boolean serverUnavailable) {}

  private final Outbox outbox;
  private final SubscriptionStore subscriptions;
  private final SmtpMailer mailer;
  private final MailLinks links;
  private final Clock clock;
  private final Sleeper sleeper;
  private final long intervalNanos;
  private final int claim;
  private final Duration lease;
  private long nextSlot;

  public DigestSender(
      Outbox outbox,
      SubscriptionStore subscriptions,
      SmtpMailer mailer,
      MailLinks links,
      double ratePerSecond,
      Clock clock,
      Sleeper sleeper) {
    this.outbox = outbox;
    this.subscriptions = subscriptions;
    this.mailer = mailer;
    this.links = links;
    this.clock = clock;
    this.sleeper = sleeper;
    this.intervalNanos = (long) (1e9 / ratePerSecond);
    this.claim = (int) Math.max(1, Math.min(MAX_CLAIM, Math.ceil(ratePerSecond * 5)));
    // Three times the batch's sending time, at least 15 s: long enough for this sender to finish,
    // short enough that mails claimed by a process that died are sent soon after by another.
    this.lease = Duration.ofMillis(Math.max(15_000, (long) (3_000 * claim / ratePerSecond)));
  }

  /** How long a claim holds; a crashed sender's mails are taken up again after it. */
  public Duration lease() {
    return lease;
  }

  /** Sends everything due now; returns when nothing due is left or the server is unavailable. */
  public Report deliver() throws InterruptedException {
    return deliver(() -> true);
  }

  /**
   * Like {@link #deliver()}, asking {@code keepGoing} before each claimed batch (the digest job
   * renews its lease there, and stops when another node has taken the job over).
   */
  public synchronized Report deliver(java.util.function.BooleanSupplier keepGoing)
      throws InterruptedException {
    int sent = 0;
    int retrying = 0;
    int failed = 0;
    while (true) {
      if (!keepGoing.getAsBoolean()) {
        return new Report(sent, retrying, failed, false);
      }
      List<Outbox.Pending> due = outbox.claimDue(clock.instant(), claim, lease);
      if (due.isEmpty()) {
        return new Report(sent, retrying, failed, false);
      }
      for (int i = 0; i < due.size(); i++) {
        Outbox.Pending p = due.get(i);
        Mail mail = p.mail();
        if (!stillWanted(p.subscriptionId(), mail)) {
          // Unsubscribed (or bounced) after the edition was composed: it is not sent.
          outbox.fail(p.id(), p.attempts(), "not sent: the subscription ended before sending");
          failed++;
          continue;
        }
        pace();
        try {
          mailer.send(
              p.id(),
              mail,
              mail.isDigest() ? links.unsubscribe(p.subscriptionId(), clock.instant()) : null);
          outbox.markSent(p.id(), clock.instant());
          sent++;
        } catch (SendFailure f) {
          int attempts = p.attempts() + 1;
          switch (f.kind()) {
            case PERMANENT -> {
              outbox.fail(p.id(), attempts, f.getMessage());
              subscriptions.setStatus(p.subscriptionId(), Subscription.Status.BOUNCED);
              LOG.warn(
                  "mail to {} refused for good, address marked bounced: {}",
                  p.recipient(),
                  f.getMessage());
              failed++;
            }
            case TEMPORARY -> {
              if (attempts >= MAX_ATTEMPTS) {
                outbox.fail(p.id(), attempts, f.getMessage());
                failed++;
              } else {
                outbox.retryAt(
                    p.id(), attempts, clock.instant().plus(backoff(attempts)), f.getMessage());
                retrying++;
              }
            }
            case UNAVAILABLE -> {
              outbox.retryAt(
                  p.id(), p.attempts(), clock.instant().plus(FIRST_RETRY), f.getMessage());
              for (Outbox.Pending rest : due.subList(i + 1, due.size())) {
                outbox.release(rest.id());
              }
              LOG.warn("SMTP server unavailable, delivery paused: {}", f.getMessage());
              return new Report(sent, retrying + 1, failed, true);
            }
          }
        }
      }
    }
  }

  /** Digests go to active subscriptions only; notices to any address that has not bounced. */
  private boolean stillWanted(String subscriptionId, Mail mail) {
    Subscription.Status status =
        subscriptions.find(subscriptionId).map(Subscription::status).orElse(null);
    if (status == null || status == Subscription.Status.BOUNCED) {
      return false;
    }
    return !mail.isDigest() || status == Subscription.Status.ACTIVE;
  }

  /** 1 minute after the first failure, doubling, at most 6 hours. */
  static Duration backoff(int attempts) {
    Duration d = FIRST_RETRY.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
    return d.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : d;
  }

  /** Waits for the next sending slot: at most the configured number of mails per second. */
  private void pace() throws InterruptedException {
    long now = System.nanoTime();
    if (nextSlot > now) {
      sleeper.sleep(Duration.ofNanos(nextSlot - now));
      now = nextSlot;
    }
    nextSlot = Math.max(now, nextSlot) + intervalNanos;
  }
}
