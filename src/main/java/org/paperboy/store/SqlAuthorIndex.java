package org.paperboy.store;

import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.paperboy.paper.AuthorKey;

/** {@link AuthorIndex} over {@code paper_authors} joined with {@code papers} (portable SQL). */
final class SqlAuthorIndex implements AuthorIndex {
  private static final String BY_AUTHOR =
      "deleted_on IS NULL AND id IN (SELECT paper_id FROM paper_authors WHERE author_key = ?)";

  private final Jdbc jdbc;

  SqlAuthorIndex(DataSource dataSource) {
    this.jdbc = new Jdbc(dataSource);
  }

  @Override
  public List<String> papers(String key, int limit) {
    return jdbc.list(
        "SELECT id FROM papers WHERE "
            + BY_AUTHOR
            + " ORDER BY (published IS NULL), published DESC, id LIMIT ?",
        rs -> rs.getString(1),
        key,
        limit);
  }

  @Override
  public long count(String key) {
    return jdbc.count("SELECT COUNT(*) FROM papers WHERE " + BY_AUTHOR, key);
  }

  @Override
  public Optional<String> name(String key) {
    return jdbc.one(
        "SELECT name, COUNT(*) AS n FROM paper_authors WHERE author_key = ?"
            + " GROUP BY name ORDER BY n DESC, name LIMIT 1",
        rs -> rs.getString(1),
        key);
  }

  @Override
  public List<Named> coauthors(String key, int limit) {
    return jdbc.list(
        "SELECT b.author_key, MIN(b.name), COUNT(DISTINCT b.paper_id) AS n"
            + " FROM paper_authors a"
            + " JOIN paper_authors b ON b.paper_id = a.paper_id AND b.author_key <> a.author_key"
            + " JOIN papers p ON p.id = a.paper_id AND p.deleted_on IS NULL"
            + " WHERE a.author_key = ? GROUP BY b.author_key ORDER BY n DESC, b.author_key LIMIT ?",
        rs -> new Named(rs.getString(1), rs.getString(2), rs.getLong(3)),
        key,
        limit);
  }

  @Override
  public List<Named> categories(String key) {
    return jdbc.list(
        "SELECT COALESCE(primary_category, 'none') AS c, COUNT(*) AS n FROM papers WHERE "
            + BY_AUTHOR
            + " GROUP BY COALESCE(primary_category, 'none') ORDER BY n DESC, c",
        rs -> new Named(rs.getString(1), rs.getString(1), rs.getLong(2)),
        key);
  }

  @Override
  public List<Named> maybeSame(String key, int limit) {
    if (key.isEmpty()) {
      return List.of();
    }
    String family = AuthorKey.family(key);
    if (family.equals(key)) {
      return List.of(); // a one-word name has no initial to compare
    }
    return jdbc.list(
        "SELECT author_key, MIN(name), COUNT(DISTINCT paper_id) AS n FROM paper_authors"
            + " WHERE author_key LIKE ? AND author_key <> ? GROUP BY author_key"
            + " ORDER BY n DESC, author_key LIMIT ?",
        rs -> new Named(rs.getString(1), rs.getString(2), rs.getLong(3)),
        key.charAt(0) + "%-" + family,
        key,
        limit);
  }
}
