package org.paperboy.account;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;

/**
 * Argon2id password hashes with OWASP's recommended minimum parameters (19 MiB memory, 2
 * iterations, 1 lane), stored in the PHC string format so parameters can be raised later without
 * breaking old hashes.
 */
public final class Passwords {
  private static final Argon2Function ARGON2ID =
      Argon2Function.getInstance(19 * 1024, 2, 1, 32, Argon2.ID);

  /** A hash of a password nobody has: verifying against it costs what a real check costs. */
  private static final String DUMMY = hash("paperboy-dummy-password-for-constant-time");

  private Passwords() {}

  public static String hash(String password) {
    return Password.hash(password).addRandomSalt(16).with(ARGON2ID).getResult();
  }

  public static boolean verify(String password, String hash) {
    try {
      return Password.check(password, hash).with(Argon2Function.getInstanceFromHash(hash));
    } catch (RuntimeException e) {
      return false; // a malformed stored hash never signs anyone in
    }
  }

  /** Spends the time of a real verification, for sign-ins of unknown names. */
  public static void verifyDummy(String password) {
    verify(password, DUMMY);
  }
}
