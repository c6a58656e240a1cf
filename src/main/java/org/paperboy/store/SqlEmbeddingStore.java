package org.paperboy.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import javax.sql.DataSource;
import org.paperboy.paper.Paper;

/** {@link EmbeddingStore} in the {@code embeddings} table of a {@link SqlPaperStore}'s database. */
final class SqlEmbeddingStore implements EmbeddingStore {
  private final SqlPaperStore store;
  private final DataSource dataSource;

  SqlEmbeddingStore(SqlPaperStore store, DataSource dataSource) {
    this.store = store;
    this.dataSource = dataSource;
  }

  @Override
  public List<Paper> papersWithout(String model, String afterId, int limit) {
    return store.read(
        "SELECT "
            + PaperRows.COLUMNS
            + " FROM papers p WHERE p.deleted_on IS NULL AND p.id > ? AND NOT EXISTS"
            + " (SELECT 1 FROM embeddings e WHERE e.model = ? AND e.paper_id = p.id)"
            + " ORDER BY p.id LIMIT ?",
        List.of(afterId, model, limit));
  }

  @Override
  public void save(String model, Map<String, float[]> vectors) {
    store.inTransaction(
        tx -> {
          JdbcPaperTx jtx = (JdbcPaperTx) tx;
          try (PreparedStatement ps =
              jtx.c()
                  .prepareStatement(
                      "INSERT INTO embeddings (model, paper_id, vector) VALUES (?, ?, ?)"
                          + " ON CONFLICT (model, paper_id) DO UPDATE SET vector = excluded.vector")) {
            for (var e : vectors.entrySet()) {
              ps.setString(1, model);
              ps.setString(2, e.getKey());
              ps.setBytes(3, Vectors.toBytes(e.getValue()));
              ps.addBatch();
            }
            ps.executeBatch();
            jtx.changed().addAll(vectors.keySet());
            return null;
          } catch (SQLException ex) {
            throw new StoreException("database write failed: " + ex.getMessage(), ex);
          }
        });
  }

  @Override
  public Map<String, float[]> find(String model, Collection<String> ids) {
    Map<String, float[]> out = new HashMap<>();
    try (Connection c = dataSource.getConnection()) {
      for (List<String> chunk : SqlQueries.chunks(ids)) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT paper_id, vector FROM embeddings WHERE model = ? AND paper_id IN ("
                    + SqlQueries.placeholders(chunk.size())
                    + ")")) {
          ps.setString(1, model);
          for (int i = 0; i < chunk.size(); i++) {
            ps.setString(i + 2, chunk.get(i));
          }
          try (ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
              out.put(rs.getString(1), Vectors.fromBytes(rs.getBytes(2)));
            }
          }
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("database read failed: " + e.getMessage(), e);
    }
  }

  @Override
  public long count(String model) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT COUNT(*) FROM embeddings e JOIN papers p ON p.id = e.paper_id"
                    + " WHERE e.model = ? AND p.deleted_on IS NULL")) {
      ps.setString(1, model);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    } catch (SQLException e) {
      throw new StoreException("database read failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void forEachLivePaper(String model, BiConsumer<Paper, float[]> action) {
    String columns = "p." + PaperRows.COLUMNS.replace(", ", ", p.");
    store.stream(
        "SELECT "
            + columns
            + ", e.vector AS vector FROM papers p LEFT JOIN embeddings e"
            + " ON e.paper_id = p.id AND e.model = ? WHERE p.deleted_on IS NULL ORDER BY p.id",
        ps -> ps.setString(1, model),
        rs -> {
          byte[] v = rs.getBytes("vector");
          action.accept(PaperRows.read(rs), v == null ? null : Vectors.fromBytes(v));
        });
  }
}
