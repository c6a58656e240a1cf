package org.paperboy.store;

import java.util.List;
import java.util.Optional;

/**
 * Papers by author ({@link org.paperboy.paper.AuthorKey}), from the {@code paper_authors} table the
 * store keeps in step with every write. Only live (not deleted) papers count.
 */
public interface AuthorIndex {

  /** An author (or a category), with how many papers. */
  record Named(String key, String name, long papers) {}

  /** Ids of the author's papers, newest publication first (undated last), then by id. */
  List<String> papers(String key, int limit);

  long count(String key);

  /** The spelling of the name used on most of the author's papers. */
  Optional<String> name(String key);

  /** Those who wrote most papers with the author, most first. */
  List<Named> coauthors(String key, int limit);

  /** The primary categories of the author's papers, most papers first ({@code key} = name). */
  List<Named> categories(String key);

  /**
   * Other authors with the same family name and first initial ({@code J. Smith} for {@code John
   * Smith} and back): possibly the same person, never merged.
   */
  List<Named> maybeSame(String key, int limit);
}
