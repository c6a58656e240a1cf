package org.paperboy.search;

/**
 * How a paper's more-like-this query is chosen, the same on both backends: its terms (title and
 * abstract, analysed like the index) scored by tf·idf, the best {@link #MAX_QUERY_TERMS} kept.
 * Lucene's and Elasticsearch's default of 25 terms; a term needs only one occurrence (an abstract
 * rarely repeats a word, so the default of 2 leaves few terms) and must be in at least {@link
 * #MIN_DOC_FREQ} papers (a word only this paper has finds nothing else).
 */
public final class MoreLikeThisTerms {
  public static final int MAX_QUERY_TERMS = 25;
  public static final int MIN_TERM_FREQ = 1;
  public static final int MIN_DOC_FREQ = 2;

  private MoreLikeThisTerms() {}
}
