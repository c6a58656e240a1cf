package org.paperboy.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.paperboy.paper.Source;

/** SQL helpers the JDBC stores share: IN lists in chunks, single-value and grouped counts. */
final class SqlQueries {
  /** SQLite allows 32,766 parameters; stay well below for both engines. */
  private static final int IN_CHUNK = 900;

  private SqlQueries() {}

  /** Chunks a collection so that IN lists stay under the engines' parameter limits. */
  static <T> List<List<T>> chunks(Collection<T> all) {
    List<T> list = new ArrayList<>(all);
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i += IN_CHUNK) {
      out.add(list.subList(i, Math.min(list.size(), i + IN_CHUNK)));
    }
    return out;
  }

  static String placeholders(int n) {
    return "?" + ", ?".repeat(Math.max(0, n - 1));
  }

  /** Counts for {@code paperboy stats}. */
  static StoreStats stats(DataSource dataSource, long live) {
    Map<String, Long> bySource = new LinkedHashMap<>();
    for (Source s : Source.values()) {
      long n =
          longQuery(
              dataSource,
              "SELECT COUNT(*) FROM papers WHERE deleted_on IS NULL AND sources LIKE '%,"
                  + s.key()
                  + ",%'");
      if (n > 0) {
        bySource.put(s.key(), n);
      }
    }
    return new StoreStats(
        live,
        longQuery(
            dataSource, "SELECT COUNT(*) FROM papers WHERE provisional = 1 AND deleted_on IS NULL"),
        longQuery(dataSource, "SELECT COUNT(*) FROM papers WHERE deleted_on IS NOT NULL"),
        bySource,
        grouped(
            dataSource,
            "SELECT COALESCE(SUBSTR(published, 1, 4), 'unknown') AS k, COUNT(*) FROM papers"
                + " WHERE deleted_on IS NULL GROUP BY k ORDER BY k"),
        grouped(
            dataSource,
            "SELECT COALESCE(primary_category, 'none') AS k, COUNT(*) AS n FROM papers"
                + " WHERE deleted_on IS NULL GROUP BY k ORDER BY n DESC, k"));
  }

  static long longQuery(DataSource dataSource, String sql) {
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new StoreException("database read failed: " + e.getMessage(), e);
    }
  }

  private static Map<String, Long> grouped(DataSource dataSource, String sql) {
    Map<String, Long> out = new LinkedHashMap<>();
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      while (rs.next()) {
        out.put(rs.getString(1), rs.getLong(2));
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("database read failed: " + e.getMessage(), e);
    }
  }
}
