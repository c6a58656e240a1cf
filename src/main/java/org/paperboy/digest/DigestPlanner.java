package org.paperboy.digest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Composes the editions that are due into the outbox. Each reader's edition is composed once: the
 * outbox's unique (subscription, edition) key makes a second planner, a restart or a second node
 * skip it. Composed mails are stored in batches, each batch one transaction.
 */
public final class DigestPlanner {
  static final int BATCH = 50;

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
    int composed = 0;
    int skipped = 0;
    int readers = 0;
    List<Mail> batch = new ArrayList<>();
    for (Subscription s : subscriptions.active()) {
      Preferences p = s.preferences();
      if (localDate == null && !ignoreHour && !Edition.due(p, now)) {
        continue;
      }
      Edition e =
          localDate == null ? Edition.current(p, now) : Edition.of(p.frequency(), localDate);
      if (outbox.has(s.id(), e.key())) {
        continue;
      }
      readers++;
      Digest d = composer.compose(s, e, now);
      if (d.sections().isEmpty() && p.skipEmpty()) {
        outbox.skip(s.id(), e.key(), s.email(), now);
        skipped++;
        continue;
      }
      batch.add(renderer.digest(s.id(), e.key(), s.email(), d));
      if (batch.size() >= BATCH) {
        composed += outbox.enqueue(batch, now);
        batch.clear();
      }
    }
    composed += outbox.enqueue(batch, now);
    return new Report(composed, skipped, readers);
  }

  /** What this reader's edition for {@code localDate} would be now; nothing is stored. */
  public Mail preview(Subscription s, LocalDate localDate) {
    composer.newRound();
    Edition e = Edition.of(s.preferences().frequency(), localDate);
    Digest d = composer.compose(s, e, clock.instant());
    return renderer.digest(s.id(), e.key(), s.email(), d);
  }
}
