package org.paperboy.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.paperboy.paper.Paper;

/** {@link PaperStore} over JDBC, with SQL that SQLite and PostgreSQL both accept. */
public final class SqlPaperStore implements PaperStore {
  private final DataSource dataSource;
  private final Dialect dialect;
  private final AutoCloseable closer;
  // SQLite has one writer; serialising in Java avoids busy retries inside the driver.
  // PostgreSQL takes concurrent writers (several app nodes write anyway), so no lock there.
  private final ReentrantLock writeLock;
  private final SqlEmbeddingStore embeddings;
  private final SqlChangeLog changes;
  private final SqlAuthorIndex authors;
  private final List<Consumer<PaperChanges>> listeners = new CopyOnWriteArrayList<>();

  /** A store over SQLite. */
  public SqlPaperStore(DataSource dataSource, AutoCloseable closer) {
    this(dataSource, Dialect.SQLITE, closer);
  }

  public SqlPaperStore(DataSource dataSource, Dialect dialect, AutoCloseable closer) {
    this.dataSource = dataSource;
    this.dialect = dialect;
    this.closer = closer;
    this.writeLock = dialect == Dialect.SQLITE ? new ReentrantLock() : null;
    this.embeddings = new SqlEmbeddingStore(this, dataSource);
    this.changes = new SqlChangeLog(this, dataSource);
    this.authors = new SqlAuthorIndex(dataSource);
    // A bulk load that died before rebuilding the author index leaves the store without it.
    execute("CREATE INDEX IF NOT EXISTS " + AUTHOR_INDEX);
  }

  @Override
  public EmbeddingStore embeddings() {
    return embeddings;
  }

  private static final String AUTHOR_INDEX = "paper_authors_key ON paper_authors (author_key)";

  @Override
  public <R> R bulkLoad(java.util.function.Supplier<R> work) {
    if (longQuery("SELECT COUNT(*) FROM papers") > 0) {
      return work.get();
    }
    execute("DROP INDEX IF EXISTS paper_authors_key");
    try {
      return work.get();
    } finally {
      execute("CREATE INDEX IF NOT EXISTS " + AUTHOR_INDEX);
    }
  }

  /** Runs one DDL statement (under the write lock on SQLite). */
  private void execute(String sql) {
    lockWrites();
    try (Connection c = dataSource.getConnection();
        Statement st = c.createStatement()) {
      st.execute(sql);
    } catch (SQLException e) {
      throw new StoreException("database write failed: " + e.getMessage(), e);
    } finally {
      unlockWrites();
    }
  }

  @Override
  public AuthorIndex authors() {
    return authors;
  }

  @Override
  public ChangeLog changes() {
    return changes;
  }

  void lockWrites() {
    if (writeLock != null) {
      writeLock.lock();
    }
  }

  void unlockWrites() {
    if (writeLock != null) {
      writeLock.unlock();
    }
  }

  @Override
  public <R> R inTransaction(TxWork<R> work) {
    PaperChanges committed = null;
    lockWrites();
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        JdbcPaperTx tx = JdbcPaperTx.writing(c);
        R result = work.run(tx);
        if (dialect.recordsChanges()) {
          SqlChangeLog.record(c, tx.changed());
        }
        c.commit();
        committed = tx.published();
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
      if (committed != null && !committed.isEmpty()) {
        publish(committed);
      }
    }
  }

  /**
   * Hands a committed transaction's changes to every listener, on the writing thread and outside
   * the write lock; a listener that throws fails the write call (what was committed stays).
   */
  private void publish(PaperChanges changes) {
    for (Consumer<PaperChanges> l : listeners) {
      l.accept(changes);
    }
  }

  @Override
  public void onCommit(Consumer<PaperChanges> listener) {
    listeners.add(listener);
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
      return JdbcPaperTx.reading(c).findByIds(ids);
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

  @FunctionalInterface
  interface SqlConsumer<T> {
    void accept(T t) throws SQLException;
  }

  /** Runs a long read row by row with flat memory on either engine (see {@link Dialect}). */
  void stream(String sql, SqlConsumer<PreparedStatement> bind, SqlConsumer<ResultSet> eachRow) {
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
  List<Paper> read(String sql, List<?> params) {
    List<Paper> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection()) {
      JdbcPaperTx.reading(c).query(sql, params, out::add);
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
          JdbcPaperTx jtx = (JdbcPaperTx) tx;
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
              jtx.written().putAll(jtx.findByIds(List.of(id)));
            }
            return put;
          } catch (SQLException e) {
            throw new StoreException("database write failed: " + e.getMessage(), e);
          }
        });
  }

  @Override
  public StoreStats stats() {
    return SqlQueries.stats(dataSource, countLive());
  }

  long longQuery(String sql) {
    return SqlQueries.longQuery(dataSource, sql);
  }

  @Override
  public void close() {
    try {
      closer.close();
    } catch (Exception e) {
      throw new StoreException("closing the database failed: " + e.getMessage(), e);
    }
  }
}
