package org.paperboy.search;

/**
 * One search.
 *
 * @param query the user's query text (see {@link UserQuery} for the syntax)
 * @param filters filters given as fields, beside the text
 * @param offset results to skip (pagination)
 * @param limit results to return, 1 to {@link #MAX_LIMIT}
 */
public record SearchRequest(
    String query, SearchFilters filters, SearchMode mode, SearchSort sort, int offset, int limit) {
  public static final int MAX_LIMIT = 10_000;

  public SearchRequest {
    if (limit < 1 || limit > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
    }
    if (offset < 0 || offset > MAX_LIMIT) {
      throw new IllegalArgumentException(
          "offset must be between 0 and " + MAX_LIMIT + ", was " + offset);
    }
  }

  /** A search by text alone. */
  public SearchRequest(String query, SearchMode mode, SearchSort sort, int offset, int limit) {
    this(query, SearchFilters.NONE, mode, sort, offset, limit);
  }

  public static SearchRequest of(String query, SearchMode mode, int limit) {
    return new SearchRequest(query, mode, SearchSort.RELEVANCE, 0, limit);
  }
}
