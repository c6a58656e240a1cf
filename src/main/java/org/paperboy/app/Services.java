package org.paperboy.app;

import java.net.URI;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;
import org.paperboy.account.AccountStore;
import org.paperboy.account.Accounts;
import org.paperboy.community.ArxivLookup;
import org.paperboy.community.CommunityStore;
import org.paperboy.community.Submissions;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.digest.Digests;
import org.paperboy.embed.Embedder;
import org.paperboy.feed.FeedService;
import org.paperboy.foryou.InterestStore;
import org.paperboy.foryou.Recommender;
import org.paperboy.harvest.HarvestStore;
import org.paperboy.harvest.Harvests;
import org.paperboy.ingest.ArxivApiClient;
import org.paperboy.ingest.SourceUnavailableException;
import org.paperboy.jobs.JobLease;
import org.paperboy.jobs.Sleeper;
import org.paperboy.library.AuthorClaims;
import org.paperboy.library.LibraryImport;
import org.paperboy.library.ReadingLists;
import org.paperboy.search.PaperSearcher;

/**
 * Every service over one {@link Workspace}, built once and in one place: what {@code serve}, the
 * digest commands, the evaluation commands and the benchmarks use.
 */
public record Services(
    CommunityStore community,
    Accounts accounts,
    FeedService feed,
    PaperSearcher searcher,
    Recommender recommender,
    Digests digests,
    HarvestStore harvestStore,
    Harvests harvests,
    Submissions submissions,
    LibraryImport library,
    ReadingLists lists,
    AuthorClaims claims)
    implements AutoCloseable {

  /**
   * @param embedder embeds search queries; without one, search is keyword-only
   * @param siteUrl the public URL that mails link to (known only once a server is bound)
   * @param digestLease whether digests plan and send only while holding the "digest" job lease (a
   *     server among several app nodes) or unconditionally (a command run by hand)
   */
  public static Services build(
      Workspace w,
      Optional<Embedder> embedder,
      Clock clock,
      Supplier<String> siteUrl,
      boolean digestLease) {
    PaperboyConfig config = w.config;
    CommunityStore community = new CommunityStore(w.jdbc);
    FeedService feed = new FeedService(w.store, community, clock);
    Recommender recommender =
        new Recommender(
            w.lucene,
            w.store,
            community,
            new InterestStore(w.jdbc),
            feed,
            config.embeddingModel().key(),
            clock);
    Digests digests =
        new Digests(
            config.mail(),
            w.jdbc,
            feed,
            recommender,
            recommender.interests(),
            siteUrl,
            clock,
            Sleeper.REAL,
            digestLease ? new JobLease(w.jdbc, "digest", config.jobs().lease(), clock) : null,
            config.jobs().tick());
    HarvestStore harvestStore = new HarvestStore(w.jdbc);
    Harvests harvests =
        new Harvests(
            config.harvest(), config.arxivApi(), harvestStore, w.store, clock, Sleeper.REAL);
    ArxivApiClient arxiv = new ArxivApiClient(URI.create(config.arxivApi().toString()));
    ArxivLookup lookup =
        id -> {
          try {
            return arxiv.fetch(id);
          } catch (SourceUnavailableException e) {
            throw new ArxivLookup.Unavailable(e.getMessage(), e);
          }
        };
    return new Services(
        community,
        new Accounts(new AccountStore(w.jdbc), clock),
        feed,
        w.searcher(embedder),
        recommender,
        digests,
        harvestStore,
        harvests,
        new Submissions(w.store, community, lookup, clock),
        new LibraryImport(w.store, recommender.interests(), clock),
        new ReadingLists(w.jdbc, w.store, clock),
        new AuthorClaims(w.jdbc, clock));
  }

  @Override
  public void close() {
    digests.close();
  }
}
