package org.paperboy.config;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Locale;

/**
 * Outgoing mail (digests and confirmations). Mail is off until {@code mail.smtp.host} is set.
 *
 * @param host key {@code mail.smtp.host}; empty means no mail is sent (the subscribe form says so)
 * @param port key {@code mail.smtp.port}; default 25 (587 with STARTTLS, 465 with TLS)
 * @param security key {@code mail.smtp.security}: {@code none}, {@code starttls} (required, not
 *     opportunistic) or {@code tls}
 * @param username key {@code mail.smtp.username}; empty for no authentication
 * @param password key {@code mail.smtp.password}; required with a username
 * @param from key {@code mail.from}, an RFC 5322 address such as {@code Paperboy
 *     <digest@example.org>}
 * @param ratePerSecond key {@code mail.rate-per-second}: the most mails sent per second by this
 *     process, all readers together; default 10
 * @param schedule key {@code digest.schedule}: whether {@code serve} composes and sends digests on
 *     each reader's schedule; default true (only when a host is set)
 */
public record MailSettings(
    String host,
    int port,
    Security security,
    String username,
    String password,
    InternetAddress from,
    double ratePerSecond,
    boolean schedule) {

  public enum Security {
    NONE,
    STARTTLS,
    TLS;

    static Security parse(String s) {
      try {
        return valueOf(s.strip().toUpperCase(Locale.ROOT));
      } catch (IllegalArgumentException e) {
        throw new ConfigException(
            "mail.smtp.security: expected none, starttls or tls, was '" + s + "'");
      }
    }
  }

  public static final String DEFAULT_FROM = "Paperboy <paperboy@localhost>";

  public MailSettings {
    host = host == null ? "" : host.strip();
    username = username == null ? "" : username.strip();
    password = password == null ? "" : password;
    if (port < 1 || port > 65_535) {
      throw new ConfigException("mail.smtp.port: must be between 1 and 65535, was " + port);
    }
    if (!username.isEmpty() && password.isEmpty()) {
      throw new ConfigException("mail.smtp.password: required when mail.smtp.username is set");
    }
    if (!(ratePerSecond > 0) || ratePerSecond > 100_000) {
      throw new ConfigException(
          "mail.rate-per-second: must be above 0 and at most 100000, was " + ratePerSecond);
    }
  }

  public static MailSettings defaults() {
    return new MailSettings("", 25, Security.NONE, "", "", address(DEFAULT_FROM), 10, true);
  }

  /** Whether an SMTP server is configured at all. */
  public boolean enabled() {
    return !host.isEmpty();
  }

  static InternetAddress address(String text) {
    try {
      InternetAddress a = new InternetAddress(text, true);
      a.validate();
      return a;
    } catch (AddressException e) {
      throw new ConfigException("mail.from: not an email address: '" + text + "'");
    }
  }
}
