package org.paperboy.web.view;

import java.util.List;

/** The search page and its results. */
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
    String embedProgress) {}
