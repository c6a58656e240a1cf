package org.paperboy.search;

import java.util.List;

/**
 * @param hits the requested page of results
 * @param notices what the searcher ignored or could not do (e.g. no embeddings yet), for the user
 */
public record SearchResults(List<SearchHit> hits, List<String> notices) {}
