package org.paperboy.digest;

import java.time.Clock;
import java.time.Duration;
import java.util.function.Supplier;
import org.paperboy.config.MailSettings;
import org.paperboy.feed.FeedService;
import org.paperboy.foryou.InterestStore;
import org.paperboy.foryou.Recommender;
import org.paperboy.jobs.JobLease;
import org.paperboy.jobs.Sleeper;
import org.paperboy.store.Jdbc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Email digests wired together: subscriptions, the planner that composes due editions, the sender
 * that delivers the outbox, and the round {@code serve} runs (every tick, a minute by default, and
 * at once when a notice is queued). With a {@link JobLease} each round plans and sends only while
 * it holds the lease, so among several app nodes exactly one does at a time. Without an SMTP host
 * nothing is sent and subscribing is refused.
 */
public final class Digests implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Digests.class);

  private final MailSettings settings;
  private final Subscriptions subscriptions;
  private final DigestPlanner planner;
  private final DigestSender sender;
  private final SmtpMailer mailer;
  private final Outbox outbox;
  private final JobLease job;
  private final Duration tick;
  private volatile Runnable noticeQueued = () -> {};

  public Digests(
      MailSettings settings,
      Jdbc jdbc,
      FeedService feed,
      Recommender recommender,
      InterestStore interests,
      Supplier<String> siteUrl,
      Clock clock,
      Sleeper sleeper,
      JobLease job,
      Duration tick) {
    this.settings = settings;
    this.job = job;
    this.tick = tick;
    SubscriptionStore store = new SubscriptionStore(jdbc);
    LinkSigner signer = LinkSigner.fromStore(jdbc);
    MailRenderer renderer = new MailRenderer();
    this.outbox = new Outbox(jdbc);
    MailLinks links = new MailLinks(signer, siteUrl);
    DigestComposer composer = new DigestComposer(feed, recommender, interests, store, links);
    this.subscriptions = new Subscriptions(store, outbox, links, renderer, this::wake, clock);
    this.planner = new DigestPlanner(store, outbox, composer, renderer, clock);
    this.mailer = settings.enabled() ? new SmtpMailer(settings) : null;
    this.sender =
        mailer == null
            ? null
            : new DigestSender(
                outbox, store, mailer, links, settings.ratePerSecond(), clock, sleeper);
  }

  public boolean enabled() {
    return settings.enabled();
  }

  public Subscriptions subscriptions() {
    return subscriptions;
  }

  public DigestPlanner planner() {
    return planner;
  }

  public Outbox outbox() {
    return outbox;
  }

  /** Delivers what is due now. */
  public DigestSender.Report deliver() throws InterruptedException {
    if (sender == null) {
      throw new DigestException(
          "mail is not configured: set mail.smtp.host (see README, Email digests)");
    }
    return sender.deliver();
  }

  /**
   * Delivers what is due, then waits for mails another sender claimed (one that was killed leaves
   * its claims until they lapse) and delivers those too; for {@code digest send}.
   */
  public DigestSender.Report deliverAll(java.time.Clock clock) throws InterruptedException {
    DigestSender.Report total = deliver();
    long deadline = System.nanoTime() + sender.lease().multipliedBy(2).toNanos();
    while (!total.serverUnavailable()
        && outbox.claimedDue(clock.instant()) > 0
        && System.nanoTime() < deadline) {
      Thread.sleep(1_000);
      DigestSender.Report r = deliver();
      total =
          new DigestSender.Report(
              total.sent() + r.sent(),
              r.retrying(),
              total.failed() + r.failed(),
              r.serverUnavailable());
    }
    return total;
  }

  /** A notice was queued: asks for a round now instead of at the next tick. */
  private void wake() {
    noticeQueued.run();
  }

  /** What to call when a notice is queued ({@code serve} runs a round at once). */
  public void onNotice(Runnable action) {
    this.noticeQueued = action;
  }

  /** How often {@code serve} runs a {@link #round}. */
  public Duration tick() {
    return tick;
  }

  /**
   * One round of the {@code serve} job: when this node holds the job lease (or has none), compose
   * due editions (when scheduling is on) and deliver.
   */
  public void round() throws InterruptedException {
    if (job != null && !job.hold()) {
      return;
    }
    if (settings.schedule()) {
      DigestPlanner.Report r = planner.plan(false);
      if (r.composed() > 0 || r.skipped() > 0) {
        LOG.info(
            "digests: {} editions composed, {} skipped (nothing new)", r.composed(), r.skipped());
      }
    }
    if (sender == null) {
      return;
    }
    // Between batches the lease is renewed; a node that lost it (paused past its lease) stops.
    DigestSender.Report s = sender.deliver(() -> job == null || job.hold());
    if (s.sent() > 0 || s.retrying() > 0 || s.failed() > 0) {
      LOG.info("digests: {} sent, {} to retry, {} failed", s.sent(), s.retrying(), s.failed());
    }
  }

  @Override
  public void close() {
    if (job != null) {
      job.release();
    }
    if (mailer != null) {
      mailer.close();
    }
  }
}
