package org.paperboy.account;

import java.util.Locale;
import java.util.regex.Pattern;

/** What a username and a password must look like. */
final class UsernameRules {
  static final int MIN_PASSWORD = 10;
  static final int MAX_PASSWORD = 256;
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{1,31}");
  private static final Pattern EMAIL =
      Pattern.compile("[^@\\s<>\"]{1,64}@[^@\\s<>\"]{1,255}\\.[^@\\s<>\"]{2,63}");

  private UsernameRules() {}

  /** Names are unique regardless of case. */
  static String key(String username) {
    return username.strip().toLowerCase(Locale.ROOT);
  }

  static void checkName(String username) {
    if (username == null || !NAME.matcher(username).matches()) {
      throw new AccountException(
          "username: 2 to 32 characters: letters, digits, '.', '_' or '-', starting with a letter"
              + " or digit");
    }
  }

  static void checkPassword(String password) {
    if (password == null || password.length() < MIN_PASSWORD) {
      throw new AccountException("password: at least " + MIN_PASSWORD + " characters");
    }
    if (password.length() > MAX_PASSWORD) {
      throw new AccountException("password: at most " + MAX_PASSWORD + " characters");
    }
  }

  /** Null or blank means no address; anything else must look like one. */
  static String checkEmail(String email) {
    if (email == null || email.isBlank()) {
      return null;
    }
    String e = email.strip();
    if (!EMAIL.matcher(e).matches()) {
      throw new AccountException("email: not an email address");
    }
    return e;
  }
}
