package org.paperboy.harvest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.paperboy.store.Jdbc;

/** Harvest state and leases in the store (portable SQL). */
public final class HarvestStore {
  private final Jdbc jdbc;

  public HarvestStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  private void ensure(String source) {
    jdbc.update(
        "INSERT INTO harvest_state (source) VALUES (?) ON CONFLICT (source) DO NOTHING", source);
  }

  public HarvestState load(String source) {
    return jdbc.one("SELECT * FROM harvest_state WHERE source = ?", HarvestStore::row, source)
        .orElse(HarvestState.empty(source));
  }

  public List<HarvestState> all() {
    return jdbc.list("SELECT * FROM harvest_state ORDER BY source", HarvestStore::row);
  }

  /**
   * Takes the lease on {@code source} for {@code ttl} when it is free, expired or already ours.
   * Returns whether we hold it now.
   */
  public boolean acquire(String source, String owner, Instant now, Duration ttl) {
    ensure(source);
    return jdbc.update(
            "UPDATE harvest_state SET lease_owner = ?, lease_until = ? WHERE source = ?"
                + " AND (lease_owner IS NULL OR lease_until IS NULL OR lease_until < ?"
                + " OR lease_owner = ?)",
            owner,
            now.plus(ttl).toEpochMilli(),
            source,
            now.toEpochMilli(),
            owner)
        > 0;
  }

  /** Takes the lease from {@code deadOwner} (known to be gone); false if someone else has it. */
  public boolean takeOver(
      String source, String deadOwner, String owner, Instant now, Duration ttl) {
    return jdbc.update(
            "UPDATE harvest_state SET lease_owner = ?, lease_until = ? WHERE source = ?"
                + " AND lease_owner = ?",
            owner,
            now.plus(ttl).toEpochMilli(),
            source,
            deadOwner)
        > 0;
  }

  public void release(String source, String owner) {
    jdbc.update(
        "UPDATE harvest_state SET lease_owner = NULL, lease_until = NULL"
            + " WHERE source = ? AND lease_owner = ?",
        source,
        owner);
  }

  /** Records progress after a page: where to resume, and what the running harvest asked for. */
  public void checkpoint(
      String source,
      String cursor,
      String from,
      String until,
      String started,
      int pages,
      long records) {
    ensure(source);
    jdbc.update(
        "UPDATE harvest_state SET cursor = ?, cursor_from = ?, cursor_until = ?,"
            + " cursor_started = ?, pages = ?, records = ? WHERE source = ?",
        cursor,
        from,
        until,
        started,
        pages,
        records,
        source);
  }

  /** A complete harvest: clears the cursor, sets where the next incremental one starts. */
  public void succeeded(String source, String incrementalFrom, Instant now) {
    ensure(source);
    jdbc.update(
        "UPDATE harvest_state SET cursor = NULL, cursor_from = NULL, cursor_until = NULL,"
            + " cursor_started = NULL, incremental_from = COALESCE(?, incremental_from),"
            + " last_success = ?, error_count = 0 WHERE source = ?",
        incrementalFrom,
        now.toEpochMilli(),
        source);
  }

  public void failed(String source, String error, Instant now) {
    ensure(source);
    jdbc.update(
        "UPDATE harvest_state SET last_error = ?, last_error_at = ?, error_count = error_count + 1"
            + " WHERE source = ?",
        error.length() > 1000 ? error.substring(0, 1000) : error,
        now.toEpochMilli(),
        source);
  }

  public void scheduleNext(String source, Instant next) {
    ensure(source);
    jdbc.update(
        "UPDATE harvest_state SET next_run = ? WHERE source = ?",
        next == null ? null : next.toEpochMilli(),
        source);
  }

  private static HarvestState row(ResultSet rs) throws SQLException {
    return new HarvestState(
        rs.getString("source"),
        instant(rs, "last_success"),
        rs.getString("last_error"),
        instant(rs, "last_error_at"),
        rs.getInt("error_count"),
        instant(rs, "next_run"),
        rs.getString("incremental_from"),
        rs.getString("cursor"),
        rs.getString("cursor_from"),
        rs.getString("cursor_until"),
        rs.getString("cursor_started"),
        rs.getInt("pages"),
        rs.getLong("records"),
        rs.getString("lease_owner"),
        instant(rs, "lease_until"));
  }

  private static Instant instant(ResultSet rs, String col) throws SQLException {
    long v = rs.getLong(col);
    return rs.wasNull() ? null : Instant.ofEpochMilli(v);
  }
}
