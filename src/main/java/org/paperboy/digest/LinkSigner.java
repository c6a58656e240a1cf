package org.paperboy.digest;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.paperboy.store.Jdbc;

/**
 * Signs the links in mails ({@code confirm}, {@code unsubscribe}, {@code preferences}) so that
 * whoever holds a link can do that one thing for that one subscription, and nothing else. A token
 * is {@code base64url(purpose:subscription:expiry).base64url(HMAC-SHA256)}; the key is made once
 * and kept in the store, so every app node and every restart accepts the same links.
 */
public final class LinkSigner {
  private static final String KEY_NAME = "digest-link-key";
  private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

  /** What a link lets its holder do. */
  public enum Purpose {
    CONFIRM,
    UNSUBSCRIBE,
    PREFERENCES
  }

  private final byte[] key;

  LinkSigner(byte[] key) {
    this.key = key.clone();
  }

  /** The signer with the store's key, creating the key the first time. */
  public static LinkSigner fromStore(Jdbc jdbc) {
    byte[] fresh = new byte[32];
    new SecureRandom().nextBytes(fresh);
    jdbc.update(
        "INSERT INTO app_secrets (name, value) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
        KEY_NAME,
        B64.encodeToString(fresh));
    String stored =
        jdbc.one("SELECT value FROM app_secrets WHERE name = ?", rs -> rs.getString(1), KEY_NAME)
            .orElseThrow();
    return new LinkSigner(Base64.getUrlDecoder().decode(stored));
  }

  /**
   * @param ttl how long the link works, or null for a link that never expires (unsubscribe links
   *     must keep working in old mails)
   */
  public String sign(Purpose purpose, String subscriptionId, Instant now, Duration ttl) {
    long expiry = ttl == null ? 0 : now.plus(ttl).getEpochSecond();
    String payload = purpose.name() + ":" + subscriptionId + ":" + expiry;
    return B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8))
        + "."
        + B64.encodeToString(mac(payload));
  }

  /** The subscription id a valid, unexpired token for {@code purpose} names; else empty. */
  public Optional<String> verify(String token, Purpose purpose, Instant now) {
    if (token == null || token.length() > 512) {
      return Optional.empty();
    }
    int dot = token.indexOf('.');
    if (dot < 0) {
      return Optional.empty();
    }
    String payload;
    byte[] sig;
    try {
      payload =
          new String(
              Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
      sig = Base64.getUrlDecoder().decode(token.substring(dot + 1));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    if (!MessageDigest.isEqual(sig, mac(payload))) {
      return Optional.empty();
    }
    String[] parts = payload.split(":", -1);
    if (parts.length != 3 || !parts[0].equals(purpose.name())) {
      return Optional.empty();
    }
    long expiry;
    try {
      expiry = Long.parseLong(parts[2]);
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
    if (expiry != 0 && now.getEpochSecond() > expiry) {
      return Optional.empty();
    }
    return Optional.of(parts[1]);
  }

  private byte[] mac(String payload) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(new SecretKeySpec(key, "HmacSHA256"));
      return m.doFinal(payload.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is not available", e);
    }
  }
}
