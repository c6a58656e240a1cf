package org.paperboy.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;

/** {@link ChangeLog} in the {@code paper_changes} table of a {@link SqlPaperStore}'s database. */
final class SqlChangeLog implements ChangeLog {
  private final SqlPaperStore store;
  private final DataSource dataSource;

  SqlChangeLog(SqlPaperStore store, DataSource dataSource) {
    this.store = store;
    this.dataSource = dataSource;
  }

  @Override
  public long last() {
    return store.longQuery("SELECT COALESCE(MAX(seq), 0) FROM paper_changes");
  }

  @Override
  public long first() {
    return store.longQuery("SELECT COALESCE(MIN(seq), 0) FROM paper_changes");
  }

  @Override
  public int prune(long keep) {
    store.lockWrites();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "DELETE FROM paper_changes WHERE seq <= (SELECT MAX(seq) FROM paper_changes) - ?")) {
      ps.setLong(1, keep);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("database write failed: " + e.getMessage(), e);
    } finally {
      store.unlockWrites();
    }
  }

  @Override
  public List<Change> after(long seq, int limit) {
    List<Change> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT seq, paper_id FROM paper_changes WHERE seq > ? ORDER BY seq LIMIT ?")) {
      ps.setLong(1, seq);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new Change(rs.getLong(1), rs.getString(2)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("database read failed: " + e.getMessage(), e);
    }
  }

  /**
   * Appends the papers a transaction changed to {@code paper_changes}, as its last statement. The
   * EXCLUSIVE lock (readers still read) makes writers take sequence numbers in commit order, so a
   * follower that has seen number n has seen every committed change before it.
   */
  static void record(Connection c, Set<String> ids) throws SQLException {
    if (ids.isEmpty()) {
      return;
    }
    try (Statement lock = c.createStatement()) {
      lock.execute("LOCK TABLE paper_changes IN EXCLUSIVE MODE");
    }
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO paper_changes (paper_id) VALUES (?)")) {
      for (String id : ids) {
        ps.setString(1, id);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }
}
