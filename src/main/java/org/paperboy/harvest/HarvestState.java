package org.paperboy.harvest;

import java.time.Instant;

/**
 * One source's harvest state as stored.
 *
 * @param source e.g. {@code arxiv:cs:arXiv}, {@code hf-daily}, {@code arxiv-api}
 * @param incrementalFrom where the next incremental harvest starts (a day), or null
 * @param cursor resumption point of an unfinished harvest (a token or a day), or null
 * @param cursorStarted the response date of the unfinished harvest's first page
 */
public record HarvestState(
    String source,
    Instant lastSuccess,
    String lastError,
    Instant lastErrorAt,
    int errorCount,
    Instant nextRun,
    String incrementalFrom,
    String cursor,
    String cursorFrom,
    String cursorUntil,
    String cursorStarted,
    int pages,
    long records,
    String leaseOwner,
    Instant leaseUntil) {

  public static HarvestState empty(String source) {
    return new HarvestState(
        source, null, null, null, 0, null, null, null, null, null, null, 0, 0, null, null);
  }
}
