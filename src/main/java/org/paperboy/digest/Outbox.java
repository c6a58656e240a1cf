package org.paperboy.digest;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.paperboy.account.Tokens;
import org.paperboy.store.Jdbc;

/**
 * Every mail goes through here. Composing writes the mail and the papers it sends in one
 * transaction, at most once per (subscription, edition); sending claims due rows for a while (so
 * two senders never take the same one), and marks each sent as soon as the SMTP server accepted it.
 * After a crash the rows still pending are sent on restart: the same stored mail, once.
 */
public final class Outbox {
  static final String NOTICE_PREFIX = "confirm/";

  /** A row waiting to be sent. */
  public record Pending(
      String id,
      String subscriptionId,
      String edition,
      String recipient,
      String subject,
      String html,
      String plain,
      int attempts) {
    Mail mail() {
      return new Mail(subscriptionId, edition, recipient, subject, html, plain, List.of());
    }
  }

  private final Jdbc jdbc;

  public Outbox(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Stores composed mails, each with its papers, all in one transaction; a mail whose edition is
   * already there is left out (and its papers are not recorded). Returns how many were stored.
   */
  public int enqueue(List<Mail> mails, Instant now) {
    return jdbc.inTransaction(
        c -> {
          int n = 0;
          for (Mail m : mails) {
            if (insert(c, m, "pending", now)) {
              n++;
              for (String paper : m.paperIds()) {
                Jdbc.update(
                    c,
                    "INSERT INTO sent_papers (subscription_id, paper_id, edition) VALUES (?, ?, ?)"
                        + " ON CONFLICT (subscription_id, paper_id) DO NOTHING",
                    m.subscriptionId(),
                    paper,
                    m.edition());
              }
            }
          }
          return n;
        });
  }

  /** Records that an edition had nothing new, so it is not composed again. */
  public void skip(String subscriptionId, String edition, String recipient, Instant now) {
    jdbc.inTransaction(
        c ->
            insert(
                c,
                new Mail(subscriptionId, edition, recipient, "", "", "", List.of()),
                "skipped",
                now));
  }

  private static boolean insert(Connection c, Mail m, String status, Instant now)
      throws SQLException {
    return Jdbc.update(
            c,
            "INSERT INTO outbox (id, subscription_id, edition, recipient, subject, html, plain,"
                + " status, attempts, next_attempt_at, claimed_until, created_at)"
                + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, 0, ?)"
                + " ON CONFLICT (subscription_id, edition) DO NOTHING",
            Tokens.random(),
            m.subscriptionId(),
            m.edition(),
            m.recipient(),
            m.subject(),
            m.html(),
            m.plain(),
            status,
            now.toEpochMilli(),
            now.toEpochMilli())
        > 0;
  }

  /** Whether this subscription's edition was already composed (or skipped). */
  public boolean has(String subscriptionId, String edition) {
    return jdbc.count(
            "SELECT COUNT(*) FROM outbox WHERE subscription_id = ? AND edition = ?",
            subscriptionId,
            edition)
        > 0;
  }

  /** Claims up to {@code limit} due rows for {@code lease}, oldest first. */
  public List<Pending> claimDue(Instant now, int limit, Duration lease) {
    List<Pending> due =
        jdbc.list(
            "SELECT id, subscription_id, edition, recipient, subject, html, plain, attempts"
                + " FROM outbox WHERE status = 'pending' AND next_attempt_at <= ?"
                + " AND claimed_until <= ? ORDER BY created_at, id LIMIT ?",
            rs ->
                new Pending(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    rs.getString(5),
                    rs.getString(6),
                    rs.getString(7),
                    rs.getInt(8)),
            now.toEpochMilli(),
            now.toEpochMilli(),
            limit);
    List<Pending> claimed = new ArrayList<>();
    long until = now.plus(lease).toEpochMilli();
    for (Pending p : due) {
      if (jdbc.update(
              "UPDATE outbox SET claimed_until = ? WHERE id = ? AND status = 'pending'"
                  + " AND claimed_until <= ?",
              until,
              p.id(),
              now.toEpochMilli())
          > 0) {
        claimed.add(p);
      }
    }
    return claimed;
  }

  /** Sent: the body is dropped (the papers stay recorded), so the store does not grow with it. */
  public void markSent(String id, Instant now) {
    jdbc.update(
        "UPDATE outbox SET status = 'sent', sent_at = ?, html = '', plain = '', last_error = NULL"
            + " WHERE id = ?",
        now.toEpochMilli(),
        id);
  }

  public void retryAt(String id, int attempts, Instant next, String error) {
    jdbc.update(
        "UPDATE outbox SET attempts = ?, next_attempt_at = ?, claimed_until = 0, last_error = ?"
            + " WHERE id = ?",
        attempts,
        next.toEpochMilli(),
        error,
        id);
  }

  /** Gives a claimed row back untouched (the sender stops early). */
  public void release(String id) {
    jdbc.update("UPDATE outbox SET claimed_until = 0 WHERE id = ?", id);
  }

  public void fail(String id, int attempts, String error) {
    jdbc.update(
        "UPDATE outbox SET status = 'failed', attempts = ?, last_error = ?, claimed_until = 0,"
            + " html = '', plain = '' WHERE id = ?",
        attempts,
        error,
        id);
  }

  /** Rows due now but claimed by a sender (running, or stopped before it finished). */
  public long claimedDue(Instant now) {
    return jdbc.count(
        "SELECT COUNT(*) FROM outbox WHERE status = 'pending' AND next_attempt_at <= ?"
            + " AND claimed_until > ?",
        now.toEpochMilli(),
        now.toEpochMilli());
  }

  /** Rows not sent yet (due now or later). */
  public long pending() {
    return jdbc.count("SELECT COUNT(*) FROM outbox WHERE status = 'pending'");
  }

  /** Mails by status, for {@code stats}. */
  public java.util.Map<String, Long> counts() {
    return jdbc.countsBy("SELECT status, COUNT(*) FROM outbox GROUP BY status");
  }
}
