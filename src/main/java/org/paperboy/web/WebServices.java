package org.paperboy.web;

import java.time.Clock;
import java.util.function.Supplier;
import org.paperboy.account.Accounts;
import org.paperboy.community.CommunityStore;
import org.paperboy.community.Submissions;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.feed.FeedService;
import org.paperboy.foryou.Recommender;
import org.paperboy.search.PaperSearcher;
import org.paperboy.store.PaperStore;

/**
 * Everything the web layer calls. The web layer itself holds no state of its own.
 *
 * @param searchStatus a line about semantic search readiness (e.g. embedding progress), or null
 * @param metrics where requests and searches are counted; scraped at {@code /metrics}
 * @param health the readiness checks behind {@code /readyz}
 */
public record WebServices(
    PaperboyConfig config,
    PaperStore papers,
    FeedService feed,
    Accounts accounts,
    CommunityStore community,
    Submissions submissions,
    PaperSearcher searcher,
    Recommender recommender,
    org.paperboy.library.LibraryImport library,
    org.paperboy.library.ReadingLists lists,
    org.paperboy.library.AuthorClaims claims,
    org.paperboy.digest.Digests digests,
    Supplier<String> searchStatus,
    org.paperboy.ops.Metrics metrics,
    org.paperboy.ops.Health health,
    Clock clock) {}
