package org.paperboy.harvest;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Function;
import org.paperboy.config.HarvestSettings;
import org.paperboy.jobs.Sleeper;
import org.paperboy.paper.ArxivId;
import org.paperboy.store.PaperStore;

/**
 * Runs harvests under a lease in the store, so that exactly one harvest of a source runs at a time,
 * whichever process or node starts it. Used by {@code paperboy harvest} and by the scheduler inside
 * {@code serve}.
 */
public final class Harvests {
  /** How long a lease lasts without renewal; a harvest renews it between sources' pages. */
  public static final Duration LEASE = Duration.ofMinutes(30);

  private final HarvestSettings settings;
  private final URI arxivApi;
  private final HarvestStore state;
  private final PaperStore store;
  private final Clock clock;
  private final Sleeper sleeper;
  private final String owner;

  public Harvests(
      HarvestSettings settings,
      URI arxivApi,
      HarvestStore state,
      PaperStore store,
      Clock clock,
      Sleeper sleeper) {
    this.settings = settings;
    this.arxivApi = arxivApi;
    this.state = state;
    this.store = store;
    this.clock = clock;
    this.sleeper = sleeper;
    this.owner = ManagementFactory.getRuntimeMXBean().getName();
  }

  public HarvestStore state() {
    return state;
  }

  FetchPolicy policy(Duration delay) {
    return new FetchPolicy(
        delay,
        settings.maxAttempts(),
        Duration.ofSeconds(2),
        Duration.ofMinutes(2),
        settings.maxResponseBytes(),
        Duration.ofSeconds(10),
        settings.timeout());
  }

  private SourceContext context(Duration delay, URI endpoint, Runnable afterPage) {
    return new SourceContext(
        new PoliteFetcher(policy(delay), clock, sleeper), endpoint, state, store, afterPage, clock);
  }

  public HarvestReport oai(OaiHarvester.Request req, URI endpoint) {
    URI url = endpoint != null ? endpoint : settings.oaiUrl();
    return leased(
        req.source(),
        commit -> new OaiHarvester(context(settings.arxivDelay(), url, commit)).run(req));
  }

  public HarvestReport hfDaily(LocalDate from, LocalDate to, URI endpoint) {
    URI url = endpoint != null ? endpoint : settings.hfUrl();
    return leased(
        HfDailyHarvester.SOURCE,
        commit -> new HfDailyHarvester(context(settings.hfDelay(), url, commit)).run(from, to));
  }

  public HarvestReport arxivIds(List<ArxivId> ids, URI endpoint) {
    return leased(ArxivApiHarvester.SOURCE, commit -> api(endpoint, commit).byIds(ids));
  }

  public HarvestReport arxivQuery(String query, int max, URI endpoint) {
    return leased(ArxivApiHarvester.SOURCE, commit -> api(endpoint, commit).byQuery(query, max));
  }

  private ArxivApiHarvester api(URI endpoint, Runnable commit) {
    return new ArxivApiHarvester(
        context(settings.arxivDelay(), endpoint != null ? endpoint : arxivApi, commit));
  }

  /**
   * Whether a harvest of {@code source} could start here now: nobody holds its lease, the lease
   * expired, or its holder was a process on this machine that no longer exists.
   */
  public boolean leaseFree(String source) {
    HarvestState s = state.load(source);
    if (s.leaseOwner() == null
        || s.leaseUntil() == null
        || !s.leaseUntil().isAfter(clock.instant())) {
      return true;
    }
    return deadHereAlready(s.leaseOwner());
  }

  /**
   * A lease held by a process on this machine that no longer exists (killed, crashed) is taken over
   * at once instead of after it expires; leases of other machines wait for expiry.
   */
  private boolean takeOverFromDeadProcess(String source) {
    String holder = state.load(source).leaseOwner();
    return holder != null
        && deadHereAlready(holder)
        && state.takeOver(source, holder, owner, clock.instant(), LEASE);
  }

  /** Whether {@code holder} ({@code pid@host}) names a process of this machine that has ended. */
  private boolean deadHereAlready(String holder) {
    if (!holder.contains("@")) {
      return false;
    }
    String host = holder.substring(holder.indexOf('@') + 1);
    String ourHost = owner.substring(owner.indexOf('@') + 1);
    if (!host.equals(ourHost)) {
      return false;
    }
    try {
      long pid = Long.parseLong(holder.substring(0, holder.indexOf('@')));
      return !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /** Runs {@code work} holding the source's lease, renewed after every stored page. */
  private HarvestReport leased(String source, Function<Runnable, HarvestReport> work) {
    if (!state.acquire(source, owner, clock.instant(), LEASE) && !takeOverFromDeadProcess(source)) {
      HarvestState s = state.load(source);
      throw new HarvestException(
          "another harvest of "
              + source
              + " is running ("
              + s.leaseOwner()
              + ", lease until "
              + s.leaseUntil()
              + ")");
    }
    Runnable renewing = () -> state.acquire(source, owner, clock.instant(), LEASE);
    try {
      return work.apply(renewing);
    } finally {
      state.release(source, owner);
    }
  }
}
