package org.paperboy.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import javax.sql.DataSource;

/**
 * Copies every table of one store into another, empty one with the same schema version (the
 * embedded SQLite file into PostgreSQL): rows in batches, each table in primary-key order, parents
 * before the tables that refer to them. Then checks that nothing was lost: the same row count in
 * every table, and a sample of rows compared column by column.
 */
public final class StoreCopier {
  /** Every table, parents first (foreign keys). The schema history is the target's own. */
  public static final List<String> TABLES =
      List.of(
          "papers",
          "embeddings",
          "users",
          "sessions",
          "api_tokens",
          "votes",
          "comments",
          "submissions",
          "hidden_papers",
          "login_failures",
          "app_secrets",
          "harvest_state",
          "dismissals",
          "topics",
          "subscriptions",
          "outbox",
          "sent_papers",
          "job_leases",
          "seed_papers",
          "reading_lists",
          "list_items",
          "paper_authors",
          "author_follows",
          "author_claims");

  private static final int BATCH = 1000;
  private static final int SAMPLE_EVERY = 97;

  private StoreCopier() {}

  /** Rows copied and rows compared, per table. */
  public record Report(Map<String, Long> copied, Map<String, Long> compared) {}

  public static Report copy(DataSource from, DataSource to, BiConsumer<String, Long> progress) {
    try (Connection src = from.getConnection();
        Connection dst = to.getConnection()) {
      for (String table : TABLES) {
        if (count(dst, table) > 0) {
          throw new StoreException(
              "the target store is not empty (table "
                  + table
                  + " has rows); migrate into a new"
                  + " database");
        }
      }
      Map<String, Long> copied = new LinkedHashMap<>();
      dst.setAutoCommit(false);
      for (String table : TABLES) {
        copied.put(table, copyTable(src, dst, table, progress));
      }
      dst.setAutoCommit(true);
      Map<String, Long> compared = new LinkedHashMap<>();
      for (String table : TABLES) {
        long a = count(src, table);
        long b = count(dst, table);
        if (a != b) {
          throw new StoreException(
              "migration check failed: " + table + " has " + a + " rows here, " + b + " there");
        }
        compared.put(table, compareSample(src, dst, table));
      }
      return new Report(copied, compared);
    } catch (SQLException e) {
      throw new StoreException("migration failed: " + e.getMessage(), e);
    }
  }

  private static long copyTable(
      Connection src, Connection dst, String table, BiConsumer<String, Long> progress)
      throws SQLException {
    List<String> columns = columns(src, table);
    String insert =
        "INSERT INTO "
            + table
            + " ("
            + String.join(", ", columns)
            + ") VALUES ("
            + Jdbc.placeholders(columns.size())
            + ")";
    long n = 0;
    try (PreparedStatement read =
            src.prepareStatement("SELECT " + String.join(", ", columns) + " FROM " + table);
        PreparedStatement write = dst.prepareStatement(insert)) {
      read.setFetchSize(BATCH);
      try (ResultSet rs = read.executeQuery()) {
        while (rs.next()) {
          for (int i = 1; i <= columns.size(); i++) {
            write.setObject(i, rs.getObject(i));
          }
          write.addBatch();
          if (++n % BATCH == 0) {
            write.executeBatch();
            dst.commit();
            progress.accept(table, n);
          }
        }
      }
      write.executeBatch();
      dst.commit();
    } catch (SQLException e) {
      dst.rollback();
      throw e;
    }
    progress.accept(table, n);
    return n;
  }

  /** Compares every 97th row (in primary-key order) column by column; returns how many. */
  private static long compareSample(Connection src, Connection dst, String table)
      throws SQLException {
    List<String> columns = columns(src, table);
    String order = String.join(", ", primaryKey(table));
    String sql = "SELECT " + String.join(", ", columns) + " FROM " + table + " ORDER BY " + order;
    long compared = 0;
    try (PreparedStatement a = src.prepareStatement(sql);
        PreparedStatement b = dst.prepareStatement(sql)) {
      a.setFetchSize(BATCH);
      b.setFetchSize(BATCH);
      try (ResultSet ra = a.executeQuery();
          ResultSet rb = b.executeQuery()) {
        long row = 0;
        while (ra.next()) {
          if (!rb.next()) {
            throw new StoreException("migration check failed: " + table + " ends early there");
          }
          if (row++ % SAMPLE_EVERY != 0) {
            continue;
          }
          for (int i = 1; i <= columns.size(); i++) {
            if (!same(ra.getObject(i), rb.getObject(i))) {
              throw new StoreException(
                  "migration check failed: "
                      + table
                      + "."
                      + columns.get(i - 1)
                      + " differs in row "
                      + row);
            }
          }
          compared++;
        }
      }
    }
    return compared;
  }

  private static boolean same(Object a, Object b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a instanceof byte[] x && b instanceof byte[] y) {
      return Arrays.equals(x, y);
    }
    if (a instanceof Number x && b instanceof Number y) {
      return x.longValue() == y.longValue();
    }
    return a.toString().equals(b.toString());
  }

  /** The key each table is ordered by for the sample (byte order of text keys on both). */
  private static List<String> primaryKey(String table) {
    return switch (table) {
      case "embeddings" -> List.of("model", "paper_id");
      case "sessions", "api_tokens" -> List.of("token_hash");
      case "votes", "dismissals" -> List.of("user_id", "paper_id");
      case "submissions", "hidden_papers" -> List.of("paper_id");
      case "login_failures" -> List.of("throttle_key", "at");
      case "app_secrets", "job_leases" -> List.of("name");
      case "harvest_state" -> List.of("source");
      case "topics" -> List.of("user_id", "kind", "value");
      case "sent_papers" -> List.of("subscription_id", "paper_id");
      case "seed_papers" -> List.of("user_id", "paper_id");
      case "list_items" -> List.of("list_id", "paper_id");
      case "paper_authors" -> List.of("paper_id", "position");
      case "author_follows" -> List.of("user_id", "author_key");
      case "author_claims" -> List.of("author_key");
      default -> List.of("id");
    };
  }

  private static List<String> columns(Connection c, String table) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + table + " LIMIT 0");
        ResultSet rs = ps.executeQuery()) {
      ResultSetMetaData md = rs.getMetaData();
      List<String> out = new ArrayList<>();
      for (int i = 1; i <= md.getColumnCount(); i++) {
        out.add(md.getColumnName(i).toLowerCase(java.util.Locale.ROOT));
      }
      return out;
    }
  }

  private static long count(Connection c, String table) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
