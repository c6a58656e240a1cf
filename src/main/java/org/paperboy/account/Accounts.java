package org.paperboy.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sign-up, sign-in (Argon2id, throttled, one answer for "no such user" and "wrong password"),
 * browser sessions and API tokens.
 */
public final class Accounts {
  public static final Duration SESSION_LIFETIME = Duration.ofDays(30);
  static final Duration THROTTLE_WINDOW = Duration.ofMinutes(15);
  static final int MAX_FAILURES_PER_NAME = 5;
  static final int MAX_FAILURES_PER_ADDRESS = 20;
  public static final String BAD_CREDENTIALS = "wrong username or password";

  private final AccountStore store;
  private final Clock clock;

  public Accounts(AccountStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  public AccountStore store() {
    return store;
  }

  public User signUp(String username, String password, String email) {
    UsernameRules.checkName(username);
    UsernameRules.checkPassword(password);
    String mail = UsernameRules.checkEmail(email);
    return store
        .create(username.strip(), mail, Passwords.hash(password), clock.instant())
        .orElseThrow(() -> new AccountException("username: that name is taken; pick another"));
  }

  /**
   * Checks a name and password. Throws {@link ThrottledException} after too many recent failures
   * for the name or the client address, and {@link AccountException} with {@link #BAD_CREDENTIALS}
   * for an unknown name and a wrong password alike.
   */
  public User signIn(String username, String password, String clientAddress) {
    Instant now = clock.instant();
    String nameKey = "name:" + UsernameRules.key(username == null ? "" : username);
    String addressKey = "addr:" + clientAddress;
    // The attempt is reserved (counted as a failure) before the password check, atomically, so
    // parallel guesses cannot all pass the throttle while the slow Argon2 checks run.
    Optional<Instant> blocked =
        store.reserveAttempt(
            List.of(
                new AccountStore.Limit(nameKey, MAX_FAILURES_PER_NAME),
                new AccountStore.Limit(addressKey, MAX_FAILURES_PER_ADDRESS)),
            now,
            THROTTLE_WINDOW);
    if (blocked.isPresent()) {
      throw new ThrottledException(Duration.between(now, blocked.get()));
    }
    Optional<AccountStore.Credentials> found =
        username == null || username.isBlank() ? Optional.empty() : store.credentials(username);
    String pw = password == null ? "" : password;
    boolean ok;
    if (found.isPresent()) {
      ok = Passwords.verify(pw, found.get().passwordHash());
    } else {
      Passwords.verifyDummy(pw);
      ok = false;
    }
    if (!ok) {
      throw new AccountException(BAD_CREDENTIALS); // the reserved attempt stays as the failure
    }
    store.clearFailures(nameKey);
    store.releaseAttempt(addressKey, now);
    return found.get().user();
  }

  /** Starts a session; returns the token for the cookie (only its hash is stored). */
  public String startSession(User user) {
    Instant now = clock.instant();
    String token = Tokens.random();
    store.saveSession(
        Tokens.sha256(token), user.id(), Tokens.random(), now, now.plus(SESSION_LIFETIME));
    return token;
  }

  public Optional<Session> session(String token) {
    if (token == null || token.isBlank() || token.length() > 100) {
      return Optional.empty();
    }
    return store.session(Tokens.sha256(token), clock.instant());
  }

  public void endSession(String token) {
    if (token != null && token.length() <= 100) {
      store.deleteSession(Tokens.sha256(token));
    }
  }

  /** Removes expired sessions and old sign-in failures; called now and then. */
  public void sweep() {
    Instant now = clock.instant();
    store.deleteExpiredSessions(now);
    store.deleteFailuresBefore(now.minus(THROTTLE_WINDOW));
  }

  /** Makes an API token for {@code user}; the returned value is shown once and never stored. */
  public String createApiToken(User user, String label) {
    String l = label == null || label.isBlank() ? "token" : label.strip();
    if (l.length() > 80) {
      throw new AccountException("label: at most 80 characters");
    }
    String token = "pb_" + Tokens.random();
    store.saveApiToken(Tokens.sha256(token), user.id(), l, clock.instant());
    return token;
  }

  public boolean revokeApiToken(User user, String id) {
    return id != null && id.length() == 12 && store.revokeApiToken(user.id(), id) > 0;
  }

  public Optional<User> userForApiToken(String token) {
    if (token == null || !token.startsWith("pb_") || token.length() > 100) {
      return Optional.empty();
    }
    return store.userByApiToken(Tokens.sha256(token));
  }

  public void setEmail(User user, String email) {
    store.setEmail(user.id(), UsernameRules.checkEmail(email));
  }
}
