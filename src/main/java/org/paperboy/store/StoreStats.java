package org.paperboy.store;

import java.util.Map;

/**
 * Counts over the live papers.
 *
 * @param bySource papers per source (a paper with several sources counts under each)
 * @param byYear papers per year of first publication ("unknown" when no source said)
 * @param byPrimaryCategory papers per primary arXiv category ("none" when no source said)
 */
public record StoreStats(
    long papers,
    long provisional,
    long deleted,
    Map<String, Long> bySource,
    Map<String, Long> byYear,
    Map<String, Long> byPrimaryCategory) {}
