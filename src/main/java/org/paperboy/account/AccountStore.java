package org.paperboy.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.paperboy.store.Jdbc;

/** Users, sessions, API tokens and sign-in failures in the store (portable SQL). */
public final class AccountStore {
  private static final String USER_COLUMNS = "u.id, u.username, u.email, u.role, u.created_at";
  private final Jdbc jdbc;

  public AccountStore(Jdbc jdbc) {
    this.jdbc = jdbc;
  }

  /** Stored user with its password hash, for sign-in only. */
  record Credentials(User user, String passwordHash) {}

  /**
   * Inserts a user; the first account ever becomes an admin. Returns empty when the name is taken.
   */
  Optional<User> create(String username, String email, String passwordHash, Instant now) {
    return jdbc.inTransaction(
        c -> {
          // "Is this the first account?" and the insert must not interleave with another
          // sign-up, or two first accounts both become admins (PostgreSQL, READ COMMITTED).
          Jdbc.lockTable(c, "users");
          if (!Jdbc.list(
                  c,
                  "SELECT 1 FROM users WHERE username_key = ?",
                  rs -> 1,
                  UsernameRules.key(username))
              .isEmpty()) {
            return Optional.empty();
          }
          boolean first = Jdbc.list(c, "SELECT 1 FROM users LIMIT 1", rs -> 1).isEmpty();
          User u = new User(Tokens.id(), username, email, first ? Role.ADMIN : Role.READER, now);
          Jdbc.update(
              c,
              "INSERT INTO users (id, username, username_key, email, password_hash, role,"
                  + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
              u.id(),
              u.username(),
              UsernameRules.key(username),
              email,
              passwordHash,
              u.role().name(),
              now.toEpochMilli());
          return Optional.of(u);
        });
  }

  Optional<Credentials> credentials(String username) {
    return jdbc.one(
        "SELECT " + USER_COLUMNS + ", u.password_hash FROM users u WHERE u.username_key = ?",
        rs -> new Credentials(user(rs), rs.getString("password_hash")),
        UsernameRules.key(username));
  }

  public Optional<User> byId(String id) {
    return jdbc.one(
        "SELECT " + USER_COLUMNS + " FROM users u WHERE u.id = ?", AccountStore::user, id);
  }

  void setEmail(String userId, String email) {
    jdbc.update("UPDATE users SET email = ? WHERE id = ?", email, userId);
  }

  void saveSession(String tokenHash, String userId, String csrf, Instant now, Instant expires) {
    jdbc.update(
        "INSERT INTO sessions (token_hash, user_id, csrf, created_at, expires_at)"
            + " VALUES (?, ?, ?, ?, ?)",
        tokenHash,
        userId,
        csrf,
        now.toEpochMilli(),
        expires.toEpochMilli());
  }

  Optional<Session> session(String tokenHash, Instant now) {
    return jdbc.one(
        "SELECT "
            + USER_COLUMNS
            + ", s.csrf, s.expires_at FROM sessions s JOIN users u ON u.id = s.user_id"
            + " WHERE s.token_hash = ? AND s.expires_at > ?",
        rs ->
            new Session(
                user(rs), rs.getString("csrf"), Instant.ofEpochMilli(rs.getLong("expires_at"))),
        tokenHash,
        now.toEpochMilli());
  }

  void deleteSession(String tokenHash) {
    jdbc.update("DELETE FROM sessions WHERE token_hash = ?", tokenHash);
  }

  void deleteExpiredSessions(Instant now) {
    jdbc.update("DELETE FROM sessions WHERE expires_at <= ?", now.toEpochMilli());
  }

  void saveApiToken(String tokenHash, String userId, String label, Instant now) {
    jdbc.update(
        "INSERT INTO api_tokens (token_hash, user_id, label, created_at) VALUES (?, ?, ?, ?)",
        tokenHash,
        userId,
        label,
        now.toEpochMilli());
  }

  Optional<User> userByApiToken(String tokenHash) {
    return jdbc.one(
        "SELECT "
            + USER_COLUMNS
            + " FROM api_tokens t JOIN users u ON u.id = t.user_id WHERE t.token_hash = ?",
        AccountStore::user,
        tokenHash);
  }

  /** The user's API tokens: label and creation time, newest first (the token itself is gone). */
  public List<ApiToken> apiTokens(String userId) {
    return jdbc.list(
        "SELECT token_hash, label, created_at FROM api_tokens WHERE user_id = ?"
            + " ORDER BY created_at DESC, token_hash",
        rs ->
            new ApiToken(
                rs.getString(1).substring(0, 12),
                rs.getString(2),
                Instant.ofEpochMilli(rs.getLong(3))),
        userId);
  }

  int revokeApiToken(String userId, String hashPrefix) {
    return jdbc.update(
        "DELETE FROM api_tokens WHERE user_id = ? AND substr(token_hash, 1, 12) = ?",
        userId,
        hashPrefix);
  }

  /** A throttle key and how many failures it may have within the window. */
  record Limit(String key, int max) {}

  /**
   * Reserves one sign-in attempt against every limit, atomically: when each key has fewer than its
   * {@code max} failures since {@code now - window}, an attempt is recorded for each (it counts as
   * a failure until {@link #releaseAttempt}) and the result is empty; otherwise nothing is written
   * and the result is when the first blocked key frees up. Parallel attempts therefore cannot all
   * pass one check before any failure is recorded.
   */
  Optional<Instant> reserveAttempt(List<Limit> limits, Instant now, java.time.Duration window) {
    return jdbc.inTransaction(
        c -> {
          Jdbc.lockTable(c, "login_failures");
          for (Limit l : limits) {
            List<Instant> recent =
                Jdbc.list(
                    c,
                    "SELECT at FROM login_failures WHERE throttle_key = ? AND at > ? ORDER BY at",
                    rs -> Instant.ofEpochMilli(rs.getLong(1)),
                    l.key(),
                    now.minus(window).toEpochMilli());
            if (recent.size() >= l.max()) {
              return Optional.of(recent.get(recent.size() - l.max()).plus(window));
            }
          }
          for (Limit l : limits) {
            Jdbc.update(
                c,
                "INSERT INTO login_failures (throttle_key, at) VALUES (?, ?)",
                l.key(),
                now.toEpochMilli());
          }
          return Optional.empty();
        });
  }

  /** Takes back one attempt reserved at {@code at} for {@code key} (it succeeded). */
  void releaseAttempt(String key, Instant at) {
    jdbc.update(
        "DELETE FROM login_failures WHERE throttle_key = ? AND at = ?", key, at.toEpochMilli());
  }

  void clearFailures(String key) {
    jdbc.update("DELETE FROM login_failures WHERE throttle_key = ?", key);
  }

  void deleteFailuresBefore(Instant before) {
    jdbc.update("DELETE FROM login_failures WHERE at <= ?", before.toEpochMilli());
  }

  private static User user(ResultSet rs) throws SQLException {
    return new User(
        rs.getString("id"),
        rs.getString("username"),
        rs.getString("email"),
        Role.valueOf(rs.getString("role")),
        Instant.ofEpochMilli(rs.getLong("created_at")));
  }
}
