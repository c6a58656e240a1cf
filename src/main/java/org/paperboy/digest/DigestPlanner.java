package org.paperboy.digest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Composes the editions that are due into the outbox. Each reader's edition is composed once: the
 * outbox's unique (subscription, edition) key makes a second planner, a restart or a second node
 * skip it. Composed mails are stored in batches of {@value #BATCH}, each batch one transaction, on
 * as many threads as there are cores.
 */
public final class DigestPlanner {
  static final int BATCH = 50;
  static final int THREADS = Runtime.getRuntime().availableProcessors();

  /** What one planning round did. */
  public record Report(int composed, int skipped, int readers) {}

  private final SubscriptionStore subscriptions;
  private final Outbox outbox;
  private final DigestComposer composer;
  private final MailRenderer renderer;
  private final Clock clock;

  public DigestPlanner(
      SubscriptionStore subscriptions,
      Outbox outbox,
      DigestComposer composer,
      MailRenderer renderer,
      Clock clock) {
    this.subscriptions = subscriptions;
    this.outbox = outbox;
    this.composer = composer;
    this.renderer = renderer;
    this.clock = clock;
  }

  /**
   * Composes every confirmed reader's current edition whose send hour has come (or every one, with
   * {@code now}); editions already composed are left alone.
   */
  public Report plan(boolean ignoreHour) {
    return plan(ignoreHour, null);
  }

  /**
   * @param localDate compose the edition of this date (each reader's local date) instead of the
   *     current one, regardless of the hour: for sending a missed edition by hand; null for now
   */
  public Report plan(boolean ignoreHour, LocalDate localDate) {
    Instant now = clock.instant();
    composer.newRound();
    List<Job> due = new ArrayList<>();
    for (Subscription s : subscriptions.active()) {
      Preferences p = s.preferences();
      if (localDate == null && !ignoreHour && !Edition.due(p, now)) {
        continue;
      }
      Edition e =
          localDate == null ? Edition.current(p, now) : Edition.of(p.frequency(), localDate);
      if (!outbox.has(s.id(), e.key())) {
        due.add(new Job(s, e));
      }
    }
    // Composing is CPU work (ranking, rendering): batches run on all cores, each batch stored in
    // its own transaction.
    int threads = Math.max(1, Math.min(due.size() / BATCH + 1, THREADS));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Report>> parts = new ArrayList<>();
      for (int i = 0; i < due.size(); i += BATCH) {
        List<Job> batch = due.subList(i, Math.min(due.size(), i + BATCH));
        parts.add(pool.submit(() -> compose(batch, now)));
      }
      int composed = 0;
      int skipped = 0;
      for (Future<Report> f : parts) {
        Report r = f.get();
        composed += r.composed();
        skipped += r.skipped();
      }
      return new Report(composed, skipped, due.size());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DigestException("composing digests was interrupted");
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  private record Job(Subscription subscription, Edition edition) {}

  private Report compose(List<Job> jobs, Instant now) {
    List<Mail> mails = new ArrayList<>();
    int skipped = 0;
    for (Job j : jobs) {
      Subscription s = j.subscription();
      Digest d = composer.compose(s, j.edition(), now);
      if (d.sections().isEmpty() && s.preferences().skipEmpty()) {
        outbox.skip(s.id(), j.edition().key(), s.email(), now);
        skipped++;
      } else {
        mails.add(renderer.digest(s.id(), j.edition().key(), s.email(), d));
      }
    }
    return new Report(outbox.enqueue(mails, now), skipped, jobs.size());
  }

  /** What this reader's edition for {@code localDate} would be now; nothing is stored. */
  public Mail preview(Subscription s, LocalDate localDate) {
    composer.newRound();
    Edition e = Edition.of(s.preferences().frequency(), localDate);
    Digest d = composer.compose(s, e, clock.instant());
    return renderer.digest(s.id(), e.key(), s.email(), d);
  }
}
