package org.paperboy.harvest;

import java.net.URI;
import java.time.Clock;
import org.paperboy.store.PaperStore;

/**
 * What every harvester works with: how to fetch, from where, where its state and the papers go, and
 * the clock.
 */
record SourceContext(
    PoliteFetcher fetcher,
    URI endpoint,
    HarvestStore state,
    PaperStore store,
    Runnable afterPage,
    Clock clock) {

  PageSink sink() {
    return new PageSink(store, afterPage);
  }

  /** Records a failed harvest of {@code source} and hands the failure back to rethrow. */
  RuntimeException failed(String source, RuntimeException e) {
    state.failed(source, e.getMessage() == null ? e.toString() : e.getMessage(), clock.instant());
    return e;
  }
}
