package org.paperboy.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Small JDBC helper for the stores beside the paper store: one statement per call, parameters bound
 * in order, {@link SQLException} turned into {@link StoreException}.
 */
public final class Jdbc {
  private final DataSource dataSource;

  public Jdbc(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The pool behind this (for its gauges). */
  public DataSource dataSource() {
    return dataSource;
  }

  /** Maps the current row of a result set. */
  @FunctionalInterface
  public interface Row<T> {
    T map(ResultSet rs) throws SQLException;
  }

  /** Work on one connection inside a transaction. */
  @FunctionalInterface
  public interface TxWork<T> {
    T run(Connection c) throws SQLException;
  }

  public <T> List<T> list(String sql, Row<T> row, Object... params) {
    try (Connection c = dataSource.getConnection()) {
      return list(c, sql, row, params);
    } catch (SQLException e) {
      throw new StoreException("database read failed: " + e.getMessage(), e);
    }
  }

  public <T> Optional<T> one(String sql, Row<T> row, Object... params) {
    List<T> all = list(sql, row, params);
    return all.isEmpty() ? Optional.empty() : Optional.of(all.get(0));
  }

  /** {@code SELECT key, COUNT(*) … GROUP BY key} as a map sorted by key. */
  public java.util.SortedMap<String, Long> countsBy(String sql, Object... params) {
    java.util.SortedMap<String, Long> out = new java.util.TreeMap<>();
    for (var e : list(sql, rs -> java.util.Map.entry(rs.getString(1), rs.getLong(2)), params)) {
      out.put(e.getKey(), e.getValue());
    }
    return out;
  }

  public long count(String sql, Object... params) {
    return one(sql, rs -> rs.getLong(1), params).orElse(0L);
  }

  public int update(String sql, Object... params) {
    try (Connection c = dataSource.getConnection()) {
      return update(c, sql, params);
    } catch (SQLException e) {
      throw new StoreException("database write failed: " + e.getMessage(), e);
    }
  }

  /** Runs {@code work} in one transaction; rolls back when it throws. */
  public <T> T inTransaction(TxWork<T> work) {
    try (Connection c = dataSource.getConnection()) {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    } catch (SQLException e) {
      throw new StoreException("database write failed: " + e.getMessage(), e);
    }
  }

  public static <T> List<T> list(Connection c, String sql, Row<T> row, Object... params)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      try (ResultSet rs = ps.executeQuery()) {
        List<T> out = new ArrayList<>();
        while (rs.next()) {
          out.add(row.map(rs));
        }
        return out;
      }
    }
  }

  public static int update(Connection c, String sql, Object... params) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      bind(ps, params);
      return ps.executeUpdate();
    }
  }

  /**
   * Makes the rest of the transaction on {@code c} exclusive with other writers of {@code table}:
   * {@code LOCK TABLE} on PostgreSQL; nothing on SQLite, whose transactions are IMMEDIATE and so
   * already one writer at a time. Readers are not blocked on either.
   */
  public static void lockTable(Connection c, String table) throws SQLException {
    if (c.getMetaData().getDatabaseProductName().equals("PostgreSQL")) {
      try (var st = c.createStatement()) {
        st.execute("LOCK TABLE " + table + " IN SHARE ROW EXCLUSIVE MODE");
      }
    }
  }

  /** {@code ?, ?, ?} for {@code n} parameters. */
  public static String placeholders(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  private static void bind(PreparedStatement ps, Object[] params) throws SQLException {
    for (int i = 0; i < params.length; i++) {
      ps.setObject(i + 1, params[i]);
    }
  }
}
