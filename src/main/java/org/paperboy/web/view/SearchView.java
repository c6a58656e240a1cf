package org.paperboy.web.view;

import java.util.List;

/**
 * The search page and its results.
 *
 * @param exportQuery the query string ({@code ?q=…}) of the BibTeX/RIS export links; null when
 *     there is no search
 */
public record SearchView(
    String q,
    String mode,
    String sort,
    String category,
    String from,
    String to,
    int page,
    boolean hasNext,
    String prevHref,
    String nextHref,
    List<PaperCard> results,
    List<String> notices,
    String embedProgress,
    String exportQuery) {}
