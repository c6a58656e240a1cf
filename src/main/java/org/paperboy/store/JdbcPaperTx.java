package org.paperboy.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import org.paperboy.paper.AuthorKey;
import org.paperboy.paper.Paper;

/**
 * A write transaction on one JDBC connection (SQLite or PostgreSQL).
 *
 * @param changed the ids of the papers written so far, for {@code paper_changes}
 * @param written the papers inserted or updated so far, by id, for the published {@link
 *     PaperChanges}
 * @param created ids among {@code written} that are new
 * @param removed ids of papers deleted so far
 */
record JdbcPaperTx(
    Connection c,
    Set<String> changed,
    Map<String, Paper> written,
    Set<String> created,
    Set<String> removed)
    implements PaperTx {

  /** A transaction that writes and records what it wrote. */
  static JdbcPaperTx writing(Connection c) {
    return new JdbcPaperTx(
        c, new LinkedHashSet<>(), new LinkedHashMap<>(), new HashSet<>(), new LinkedHashSet<>());
  }

  /** Reads only, on a connection outside any write. */
  static JdbcPaperTx reading(Connection c) {
    return new JdbcPaperTx(c, Set.of(), Map.of(), Set.of(), Set.of());
  }

  /** What this transaction wrote, as published once it commits. */
  PaperChanges published() {
    List<Paper> papers = new ArrayList<>(written.values());
    Set<String> fresh = new HashSet<>(created);
    fresh.retainAll(written.keySet());
    return new PaperChanges(papers, fresh, new ArrayList<>(removed));
  }

  @Override
  public Map<String, Paper> findByIds(Collection<String> ids) {
    Map<String, Paper> out = new HashMap<>();
    for (List<String> chunk : SqlQueries.chunks(ids)) {
      query(
          "SELECT "
              + PaperRows.COLUMNS
              + " FROM papers WHERE id IN ("
              + SqlQueries.placeholders(chunk.size())
              + ")",
          chunk,
          p -> out.put(p.id(), p));
    }
    return out;
  }

  @Override
  public Map<String, List<Paper>> findByTitleKeys(
      Collection<String> keys, boolean provisionalOnly) {
    Map<Long, String> byHash = new HashMap<>();
    for (String k : keys) {
      byHash.put(PaperRows.titleHash(k), k);
    }
    Map<String, List<Paper>> out = new HashMap<>();
    for (List<Long> chunk : SqlQueries.chunks(byHash.keySet())) {
      query(
          "SELECT "
              + PaperRows.COLUMNS
              + " FROM papers WHERE title_hash IN ("
              + SqlQueries.placeholders(chunk.size())
              + ")"
              + (provisionalOnly ? " AND provisional = 1" : "")
              + " ORDER BY id",
          chunk,
          p -> {
            String key = p.titleKey();
            if (keys.contains(key)) { // a hash collision must not merge different titles
              out.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
            }
          });
    }
    return out;
  }

  @Override
  public boolean hasProvisional() {
    try (PreparedStatement ps =
            c.prepareStatement("SELECT 1 FROM papers WHERE provisional = 1 LIMIT 1");
        ResultSet rs = ps.executeQuery()) {
      return rs.next();
    } catch (SQLException e) {
      throw new StoreException("database read failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void upsert(Collection<Paper> papers, Set<String> newIds) {
    if (papers.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(PaperRows.upsertSql())) {
      for (Paper p : papers) {
        PaperRows.bind(ps, p);
        ps.addBatch();
        changed.add(p.id());
        written.put(p.id(), p);
        removed.remove(p.id());
      }
      created.addAll(newIds);
      writeAuthors(papers, newIds);
      ps.executeBatch();
    } catch (SQLException e) {
      throw new StoreException("database write failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void deleteEmbeddings(Collection<String> ids) {
    deleteEach("DELETE FROM embeddings WHERE paper_id = ?", ids);
    changed.addAll(ids);
  }

  @Override
  public void delete(Collection<String> ids) {
    deleteEach("DELETE FROM papers WHERE id = ?", ids);
    deleteEach("DELETE FROM paper_authors WHERE paper_id = ?", ids);
    changed.addAll(ids);
    for (String id : ids) {
      written.remove(id);
      removed.add(id);
    }
  }

  /**
   * Keeps {@code paper_authors} in step: each paper's authors by {@link AuthorKey}, in order (the
   * old rows of papers that existed before are replaced).
   */
  private void writeAuthors(Collection<Paper> papers, Set<String> newIds) throws SQLException {
    List<String> old = new ArrayList<>();
    for (Paper p : papers) {
      if (!newIds.contains(p.id())) {
        old.add(p.id());
      }
    }
    deleteEach("DELETE FROM paper_authors WHERE paper_id = ?", old);
    try (PreparedStatement ps =
        c.prepareStatement(
            "INSERT INTO paper_authors (paper_id, position, author_key, name) VALUES (?, ?, ?, ?)")) {
      for (Paper p : papers) {
        for (int i = 0; i < p.authors().size(); i++) {
          String key = AuthorKey.of(p.authors().get(i));
          if (!key.isEmpty()) {
            ps.setString(1, p.id());
            ps.setInt(2, i);
            ps.setString(3, key);
            ps.setString(4, p.authors().get(i));
            ps.addBatch();
          }
        }
      }
      ps.executeBatch();
    }
  }

  /** Runs a one-parameter DELETE for each id, as one JDBC batch. */
  private void deleteEach(String sql, Collection<String> ids) {
    if (ids.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (String id : ids) {
        ps.setString(1, id);
        ps.addBatch();
      }
      ps.executeBatch();
    } catch (SQLException e) {
      throw new StoreException("database write failed: " + e.getMessage(), e);
    }
  }

  void query(String sql, List<?> params, Consumer<Paper> sink) {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      for (int i = 0; i < params.size(); i++) {
        ps.setObject(i + 1, params.get(i));
      }
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          sink.accept(PaperRows.read(rs));
        }
      }
    } catch (SQLException e) {
      throw new StoreException("database read failed: " + e.getMessage(), e);
    }
  }
}
