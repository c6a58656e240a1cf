package org.paperboy.search;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Filters given as fields (a search form's or the API's parameters), beside the query text: they
 * narrow a search the way {@code cat:}, {@code from:} and {@code to:} in the text do, without being
 * written into the text and parsed again.
 *
 * @param categories arXiv categories, any of which a paper must have (empty: no filter)
 * @param from earliest publication date, inclusive, or null
 * @param to latest publication date, inclusive, or null
 */
public record SearchFilters(List<String> categories, LocalDate from, LocalDate to) {
  public static final SearchFilters NONE = new SearchFilters(List.of(), null, null);

  public SearchFilters {
    categories = List.copyOf(categories);
  }

  public boolean isEmpty() {
    return categories.isEmpty() && from == null && to == null;
  }

  /** {@code q} narrowed by these filters: categories join the query's, dates replace its own. */
  public UserQuery applyTo(UserQuery q) {
    if (isEmpty()) {
      return q;
    }
    List<String> cats = new ArrayList<>(q.categories());
    cats.addAll(categories);
    return new UserQuery(
        q.words(),
        q.phrases(),
        q.authors(),
        cats,
        from != null ? from : q.publishedFrom(),
        to != null ? to : q.publishedTo(),
        q.notices());
  }
}
