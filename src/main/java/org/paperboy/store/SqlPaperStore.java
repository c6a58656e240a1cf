package org.paperboy.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.paperboy.paper.Paper;
import org.paperboy.paper.Source;

/** {@link PaperStore} over JDBC, with SQL that SQLite and PostgreSQL both accept. */
public final class SqlPaperStore implements PaperStore {
  /** SQLite allows 32,766 parameters; stay well below for both engines. */
  private static final int IN_CHUNK = 900;

  private final DataSource dataSource;
  private final Dialect dialect;
  private final AutoCloseable closer;
  // SQLite has one writer; serialising in Java avoids busy retries inside the driver.
  // PostgreSQL takes concurrent writers (several app nodes write anyway), so no lock there.
  private final ReentrantLock writeLock;

  /** A store over SQLite. */
  public SqlPaperStore(DataSource dataSource, AutoCloseable closer) {
    this(dataSource, Dialect.SQLITE, closer);
  }

  public SqlPaperStore(DataSource dataSource, Dialect dialect, AutoCloseable closer) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.closer = closer;
    this.writeLock = dialect == Dialect.SQLITE ? new ReentrantLock() : null;
  }

  private void lockWrites() {
    if (writeLock != null) {
      writeLock.lock();
    }
  }

  private void unlockWrites() {
    if (writeLock != null) {
      writeLock.unlock();
    }
  }

  @Override
  public <R> R inTransaction(TxWork<R> work) {
    lockWrites();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        JdbcTx tx = new JdbcTx(c, new LinkedHashSet<>());
        R result = work.run(tx);
        if (dialect.recordsChanges()) {
          recordChanges(c, tx.changed());
        }
        c.commit();
        return result;
      } catch (RuntimeException | SQLException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(true);
      }
    } catch (SQLException e) {
      throw new StoreException("database write failed: " + e.getMessage(), e);
    } finally {
      unlockWrites();
    }
  }

  @Override
  public Optional<Paper> find(String id) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement("SELECT " + PaperRows.COLUMNS + " FROM papers WHERE id = ?")) {
      ps.setString(1, id);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? Optional.of(PaperRows.read(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new StoreException("database read failed: " + e.getMessage(), e);
    }
  }

  @Override
  public Map<String, Paper> findAll(Collection<String> ids) {
    try (Connection c = dataSource.getConnection()) {
      return new JdbcTx(c, Set.of()).findByIds(ids);
    } catch (SQLException e) {
      throw new StoreException("database read failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void forEachLive(Consumer<Paper> action) {
    stream(
        "SELECT " + PaperRows.COLUMNS + " FROM papers WHERE deleted_on IS NULL ORDER BY id",
        ps -> {},
        rs -> action.accept(PaperRows.read(rs)));
  }

  @Override
  public long countLive() {
    return longQuery("SELECT COUNT(*) FROM papers WHERE deleted_on IS NULL");
  }

  @Override
  public List<Paper> papersWithoutEmbedding(String model, String afterId, int limit) {
    return read(
        "SELECT "
            + PaperRows.COLUMNS
            + " FROM papers p WHERE p.deleted_on IS NULL AND p.id > ? AND NOT EXISTS"
            + " (SELECT 1 FROM embeddings e WHERE e.model = ? AND e.paper_id = p.id)"
            + " ORDER BY p.id LIMIT ?",
        List.of(afterId, model, limit));
  }

  @Override
  public void saveEmbeddings(String model, Map<String, float[]> vectors) {
    inTransaction(
        tx -> {
          JdbcTx jtx = (JdbcTx) tx;
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
  public Map<String, float[]> findEmbeddings(String model, Collection<String> ids) {
    Map<String, float[]> out = new HashMap<>();
    try (Connection c = dataSource.getConnection()) {
      for (List<String> chunk : chunks(ids)) {
        try (PreparedStatement ps =
            c.prepareStatement(
                "SELECT paper_id, vector FROM embeddings WHERE model = ? AND paper_id IN ("
                    + placeholders(chunk.size())
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
  public long countEmbedded(String model) {
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
  public void forEachLiveWithEmbedding(String model, BiConsumer<Paper, float[]> action) {
    String columns = "p." + PaperRows.COLUMNS.replace(", ", ", p.");
    stream(
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

  @FunctionalInterface
  private interface SqlConsumer<T> {
    void accept(T t) throws SQLException;
  }

  /** Runs a long read row by row with flat memory on either engine (see {@link Dialect}). */
  private void stream(
      String sql, SqlConsumer<PreparedStatement> bind, SqlConsumer<ResultSet> eachRow) {
    try (Connection c = dataSource.getConnection()) {
      boolean tx = dialect.streamsInTransaction();
      if (tx) {
        c.setAutoCommit(false);
      }
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        bind.accept(ps);
        ps.setFetchSize(1000);
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            eachRow.accept(rs);
          }
        }
      } finally {
        if (tx) {
          c.rollback();
          c.setAutoCommit(true);
        }
      }
    } catch (SQLException e) {
      throw new StoreException("database read failed: " + e.getMessage(), e);
    }
  }

  @Override
  public List<Paper> dailyPapers(LocalDate first, LocalDate last) {
    return read(
        "SELECT "
            + PaperRows.COLUMNS
            + " FROM papers WHERE daily_date >= ? AND daily_date <= ?"
            + " AND deleted_on IS NULL ORDER BY id",
        List.of(first.toString(), last.toString()));
  }

  /** Papers a query returns, on a read connection. */
  private List<Paper> read(String sql, List<?> params) {
    List<Paper> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      new JdbcTx(c, Set.of()).query(sql, params, out::add);
      return out;
    } catch (SQLException e) {
      throw new StoreException("database read failed: " + e.getMessage(), e);
    }
  }

  @Override
  public Optional<LocalDate> latestDailyDate(LocalDate day) {
    return dayQuery(
        "SELECT MAX(daily_date) FROM papers WHERE daily_date IS NOT NULL AND daily_date <= ?"
            + " AND deleted_on IS NULL",
        day);
  }

  @Override
  public Optional<LocalDate> earliestDailyDate(LocalDate day) {
    return dayQuery(
        "SELECT MIN(daily_date) FROM papers WHERE daily_date IS NOT NULL AND daily_date >= ?"
            + " AND deleted_on IS NULL",
        day);
  }

  private Optional<LocalDate> dayQuery(String sql, LocalDate day) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, day.toString());
      try (ResultSet rs = ps.executeQuery()) {
        String v = rs.next() ? rs.getString(1) : null;
        return v == null ? Optional.empty() : Optional.of(LocalDate.parse(v));
      }
    } catch (SQLException e) {
      throw new StoreException("database read failed: " + e.getMessage(), e);
    }
  }

  @Override
  public boolean putOnDay(String id, LocalDate day) {
    return inTransaction(
        tx -> {
          JdbcTx jtx = (JdbcTx) tx;
          try (PreparedStatement ps =
              jtx.c()
                  .prepareStatement(
                      "UPDATE papers SET daily_date = ? WHERE id = ? AND daily_date IS NULL"
                          + " AND deleted_on IS NULL")) {
            ps.setString(1, day.toString());
            ps.setString(2, id);
            boolean put = ps.executeUpdate() > 0;
            if (put) {
              jtx.changed().add(id);
            }
            return put;
          } catch (SQLException e) {
            throw new StoreException("database write failed: " + e.getMessage(), e);
          }
        });
  }

  /**
   * Appends the papers a transaction changed to {@code paper_changes}, as its last statement. The
   * EXCLUSIVE lock (readers still read) makes writers take sequence numbers in commit order, so a
   * follower that has seen number n has seen every committed change before it.
   */
  private static void recordChanges(Connection c, Set<String> ids) throws SQLException {
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

  @Override
  public long lastChange() {
    return longQuery("SELECT COALESCE(MAX(seq), 0) FROM paper_changes");
  }

  @Override
  public long firstChange() {
    return longQuery("SELECT COALESCE(MIN(seq), 0) FROM paper_changes");
  }

  @Override
  public int pruneChanges(long keep) {
    lockWrites();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "DELETE FROM paper_changes WHERE seq <= (SELECT MAX(seq) FROM paper_changes) - ?")) {
      ps.setLong(1, keep);
      return ps.executeUpdate();
    } catch (SQLException e) {
      throw new StoreException("database write failed: " + e.getMessage(), e);
    } finally {
      unlockWrites();
    }
  }

  @Override
  public List<PaperChange> changesAfter(long seq, int limit) {
    List<PaperChange> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps =
            c.prepareStatement(
                "SELECT seq, paper_id FROM paper_changes WHERE seq > ? ORDER BY seq LIMIT ?")) {
      ps.setLong(1, seq);
      ps.setInt(2, limit);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(new PaperChange(rs.getLong(1), rs.getString(2)));
        }
      }
      return out;
    } catch (SQLException e) {
      throw new StoreException("database read failed: " + e.getMessage(), e);
    }
  }

  @Override
  public StoreStats stats() {
    Map<String, Long> bySource = new LinkedHashMap<>();
    for (Source s : Source.values()) {
      long n =
          longQuery(
              "SELECT COUNT(*) FROM papers WHERE deleted_on IS NULL AND sources LIKE '%,"
                  + s.key()
                  + ",%'");
      if (n > 0) {
        bySource.put(s.key(), n);
      }
    }
    return new StoreStats(
        countLive(),
        longQuery("SELECT COUNT(*) FROM papers WHERE provisional = 1 AND deleted_on IS NULL"),
        longQuery("SELECT COUNT(*) FROM papers WHERE deleted_on IS NOT NULL"),
        bySource,
        grouped(
            "SELECT COALESCE(SUBSTR(published, 1, 4), 'unknown') AS k, COUNT(*) FROM papers"
                + " WHERE deleted_on IS NULL GROUP BY k ORDER BY k"),
        grouped(
            "SELECT COALESCE(primary_category, 'none') AS k, COUNT(*) AS n FROM papers"
                + " WHERE deleted_on IS NULL GROUP BY k ORDER BY n DESC, k"));
  }

  private long longQuery(String sql) {
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    } catch (SQLException e) {
      throw new StoreException("database read failed: " + e.getMessage(), e);
    }
  }

  private Map<String, Long> grouped(String sql) {
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

  @Override
  public void close() {
    try {
      closer.close();
    } catch (Exception e) {
      throw new StoreException("closing the database failed: " + e.getMessage(), e);
    }
  }

  /** Chunks a collection so that IN lists stay under the engines' parameter limits. */
  private static <T> List<List<T>> chunks(Collection<T> all) {
    List<T> list = new ArrayList<>(all);
    List<List<T>> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i += IN_CHUNK) {
      out.add(list.subList(i, Math.min(list.size(), i + IN_CHUNK)));
    }
    return out;
  }

  private static String placeholders(int n) {
    return "?" + ", ?".repeat(Math.max(0, n - 1));
  }

  /**
   * @param changed the ids of the papers written so far, for {@code paper_changes}
   */
  private record JdbcTx(Connection c, Set<String> changed) implements PaperTx {

    @Override
    public Map<String, Paper> findByIds(Collection<String> ids) {
      Map<String, Paper> out = new HashMap<>();
      for (List<String> chunk : chunks(ids)) {
        query(
            "SELECT "
                + PaperRows.COLUMNS
                + " FROM papers WHERE id IN ("
                + placeholders(chunk.size())
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
      for (List<Long> chunk : chunks(byHash.keySet())) {
        query(
            "SELECT "
                + PaperRows.COLUMNS
                + " FROM papers WHERE title_hash IN ("
                + placeholders(chunk.size())
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
    public void upsert(Collection<Paper> papers) {
      if (papers.isEmpty()) {
        return;
      }
      try (PreparedStatement ps = c.prepareStatement(PaperRows.upsertSql())) {
        for (Paper p : papers) {
          PaperRows.bind(ps, p);
          ps.addBatch();
          changed.add(p.id());
        }
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
      changed.addAll(ids);
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

    private void query(String sql, List<?> params, Consumer<Paper> sink) {
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
}
