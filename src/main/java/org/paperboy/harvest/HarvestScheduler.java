package org.paperboy.harvest;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import org.paperboy.config.HarvestSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the configured daily harvests inside {@code serve}: each source at its time of day (UTC).
 * The next run time is kept in the store; the lease in {@link Harvests} makes sure that only one
 * process runs a source's harvest even when several nodes schedule it, and a harvest whose node
 * died half-way is resumed by another node once the lease is free.
 */
public final class HarvestScheduler {
  private static final Logger LOG = LoggerFactory.getLogger(HarvestScheduler.class);

  /** How often {@code serve} checks whether a harvest is due. */
  public static final java.time.Duration POLL = java.time.Duration.ofSeconds(30);

  private final Harvests harvests;
  private final HarvestSettings settings;
  private final Clock clock;

  public HarvestScheduler(Harvests harvests, HarvestSettings settings, Clock clock) {
    this.harvests = harvests;
    this.settings = settings;
    this.clock = clock;
  }

  public boolean enabled() {
    return settings.arxivAt() != null || settings.hfAt() != null;
  }

  /** Runs every source whose time has come; returns how many ran. */
  public int tick() {
    int ran = 0;
    if (settings.arxivAt() != null) {
      OaiHarvester.Request req = new OaiHarvester.Request(settings.set(), "arXiv", null, null);
      ran += due(req.source(), settings.arxivAt(), () -> harvests.oai(req, null));
    }
    if (settings.hfAt() != null) {
      ran +=
          due(HfDailyHarvester.SOURCE, settings.hfAt(), () -> harvests.hfDaily(null, null, null));
    }
    return ran;
  }

  private int due(String source, LocalTime at, java.util.function.Supplier<HarvestReport> work) {
    Instant now = clock.instant();
    HarvestState s = harvests.state().load(source);
    if (s.nextRun() == null) {
      harvests.state().scheduleNext(source, next(at, now));
      return 0;
    }
    // A harvest whose process died half-way (its lease was never released) is resumed as soon as
    // the lease is free, by whichever node gets there first, not at the next scheduled time.
    boolean orphaned = s.cursor() != null && s.leaseOwner() != null;
    boolean due = !now.isBefore(s.nextRun());
    if (!due && !orphaned) {
      return 0;
    }
    if (!harvests.leaseFree(source)) {
      return 0; // another node is running it
    }
    if (due) {
      harvests.state().scheduleNext(source, next(at, now));
    }
    try {
      LOG.info("scheduled harvest: {}", work.get().summary());
    } catch (HarvestException e) {
      LOG.warn("scheduled harvest of {} failed: {}", source, e.getMessage());
    }
    return 1;
  }

  /** The next occurrence of {@code at} (UTC) after {@code now}. */
  static Instant next(LocalTime at, Instant now) {
    LocalDate today = LocalDate.ofInstant(now, ZoneOffset.UTC);
    Instant candidate = today.atTime(at).toInstant(ZoneOffset.UTC);
    return candidate.isAfter(now) ? candidate : candidate.plus(java.time.Duration.ofDays(1));
  }
}
