package org.paperboy.digest;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.paperboy.account.Tokens;
import org.paperboy.store.Jdbc;

/** Subscriptions in the store (portable SQL, times in epoch milliseconds). */
public final class SubscriptionStore {
  private static final String COLUMNS =
      "id, email, user_id, status, frequency, send_hour, time_zone, sections, max_per_section,"
          + " skip_empty, topics, created_at, confirmed_at";

  private final Jdbc jdbc;

  public SubscriptionStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  public Optional<Subscription> find(String id) {
    return jdbc.one(
        "SELECT " + COLUMNS + " FROM subscriptions WHERE id = ?", SubscriptionStore::row, id);
  }

  public Optional<Subscription> findByEmail(String email) {
    return jdbc.one(
        "SELECT " + COLUMNS + " FROM subscriptions WHERE email_key = ?",
        SubscriptionStore::row,
        Subscription.key(email));
  }

  public Optional<Subscription> findByUser(String userId) {
    return jdbc.one(
        "SELECT " + COLUMNS + " FROM subscriptions WHERE user_id = ? ORDER BY created_at LIMIT 1",
        SubscriptionStore::row,
        userId);
  }

  /** Every confirmed subscription, by id. */
  public List<Subscription> active() {
    return jdbc.list(
        "SELECT " + COLUMNS + " FROM subscriptions WHERE status = ? ORDER BY id",
        SubscriptionStore::row,
        Subscription.Status.ACTIVE.key());
  }

  /**
   * The subscription of an address, created pending when there is none; an unsubscribed or pending
   * one goes back to pending with the new preferences. An active one is left as it is.
   */
  public Subscription request(String email, String userId, Preferences p, Instant now) {
    String key = Subscription.key(email);
    jdbc.update(
        "INSERT INTO subscriptions (id, email, email_key, user_id, status, frequency, send_hour,"
            + " time_zone, sections, max_per_section, skip_empty, topics, created_at)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (email_key) DO NOTHING",
        Tokens.random(),
        email.strip(),
        key,
        userId,
        Subscription.Status.PENDING.key(),
        p.frequency().key(),
        p.sendHour(),
        p.zone().getId(),
        sectionsText(p),
        p.maxPerSection(),
        p.skipEmpty() ? 1 : 0,
        p.topicsText(),
        now.toEpochMilli());
    Subscription s = findByEmail(email).orElseThrow();
    if (s.status() == Subscription.Status.UNSUBSCRIBED) {
      jdbc.update(
          "UPDATE subscriptions SET status = ? WHERE id = ? AND status = ?",
          Subscription.Status.PENDING.key(),
          s.id(),
          Subscription.Status.UNSUBSCRIBED.key());
      update(s.id(), p);
      s = find(s.id()).orElseThrow();
    }
    if (userId != null && s.userId() == null) {
      jdbc.update(
          "UPDATE subscriptions SET user_id = ? WHERE id = ? AND user_id IS NULL", userId, s.id());
      s = find(s.id()).orElseThrow();
    }
    return s;
  }

  /**
   * Records that a confirmation mail goes out now, unless one went out after {@code notBefore}:
   * true when the caller should send it (a form cannot be used to flood an address).
   */
  public boolean claimConfirmation(String id, Instant now, Instant notBefore) {
    return jdbc.update(
            "UPDATE subscriptions SET confirm_sent_at = ? WHERE id = ?"
                + " AND (confirm_sent_at IS NULL OR confirm_sent_at < ?)",
            now.toEpochMilli(),
            id,
            notBefore.toEpochMilli())
        > 0;
  }

  /** Pending → active; false when it was not pending. */
  public boolean confirm(String id, Instant now) {
    return jdbc.update(
            "UPDATE subscriptions SET status = ?, confirmed_at = ? WHERE id = ? AND status = ?",
            Subscription.Status.ACTIVE.key(),
            now.toEpochMilli(),
            id,
            Subscription.Status.PENDING.key())
        > 0;
  }

  public void setStatus(String id, Subscription.Status status) {
    jdbc.update("UPDATE subscriptions SET status = ? WHERE id = ?", status.key(), id);
  }

  public void update(String id, Preferences p) {
    jdbc.update(
        "UPDATE subscriptions SET frequency = ?, send_hour = ?, time_zone = ?, sections = ?,"
            + " max_per_section = ?, skip_empty = ?, topics = ? WHERE id = ?",
        p.frequency().key(),
        p.sendHour(),
        p.zone().getId(),
        sectionsText(p),
        p.maxPerSection(),
        p.skipEmpty() ? 1 : 0,
        p.topicsText(),
        id);
  }

  /** Subscriptions by status, for {@code stats}. */
  public java.util.Map<String, Long> counts() {
    return jdbc.countsBy("SELECT status, COUNT(*) FROM subscriptions GROUP BY status");
  }

  /** Every paper already mailed to this subscription (a few per edition, so a small set). */
  public java.util.Set<String> sentPapers(String id) {
    return new java.util.HashSet<>(
        jdbc.list(
            "SELECT paper_id FROM sent_papers WHERE subscription_id = ?",
            rs -> rs.getString(1),
            id));
  }

  private static String sectionsText(Preferences p) {
    return p.sections().stream().sorted().map(Section::key).collect(Collectors.joining(","));
  }

  private static Subscription row(ResultSet rs) throws SQLException {
    EnumSet<Section> sections = EnumSet.noneOf(Section.class);
    Arrays.stream(rs.getString(8).split(","))
        .filter(s -> !s.isBlank())
        .forEach(s -> sections.add(Section.parse(s)));
    Preferences p =
        new Preferences(
            Frequency.parse(rs.getString(5)),
            rs.getInt(6),
            Preferences.zone(rs.getString(7)),
            sections,
            rs.getInt(9),
            rs.getInt(10) != 0,
            Preferences.parseTopics(rs.getString(11)));
    long confirmed = rs.getLong(13);
    Instant confirmedAt = rs.wasNull() ? null : Instant.ofEpochMilli(confirmed);
    return new Subscription(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        Subscription.Status.valueOf(rs.getString(4).toUpperCase(java.util.Locale.ROOT)),
        p,
        Instant.ofEpochMilli(rs.getLong(12)),
        confirmedAt);
  }
}
