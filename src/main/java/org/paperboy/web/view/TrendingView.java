package org.paperboy.web.view;

import java.util.List;

/** The trending page: the window it covers and its papers with their scores. */
public record TrendingView(
    String first, String last, List<PaperCard> papers, List<String> scores) {}
