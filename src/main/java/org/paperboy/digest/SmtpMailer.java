package org.paperboy.digest;

import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.paperboy.config.MailSettings;

/**
 * Sends mails over SMTP with Jakarta Mail, keeping one connection open between mails. Each mail is
 * multipart/alternative (plain text, then HTML), has a Message-ID made from its outbox id (a mail
 * sent again after a crash is recognisably the same mail), and digests carry the RFC 8058 one-click
 * unsubscribe headers. Not thread-safe: one sender uses it.
 */
public final class SmtpMailer implements AutoCloseable {
  private static final int TIMEOUT_MS = 20_000;

  private final MailSettings settings;
  private final Session session;
  private Transport transport;

  public SmtpMailer(MailSettings settings) {
    this.settings = settings;
    Properties p = new Properties();
    p.put("mail.smtp.host", settings.host());
    p.put("mail.smtp.port", Integer.toString(settings.port()));
    p.put("mail.smtp.connectiontimeout", Integer.toString(TIMEOUT_MS));
    p.put("mail.smtp.timeout", Integer.toString(TIMEOUT_MS));
    p.put("mail.smtp.writetimeout", Integer.toString(TIMEOUT_MS));
    p.put("mail.smtp.auth", Boolean.toString(!settings.username().isEmpty()));
    p.put("mail.smtp.socketFactory", NoDelaySockets.plain());
    switch (settings.security()) {
      case STARTTLS -> {
        p.put("mail.smtp.starttls.enable", "true");
        p.put("mail.smtp.starttls.required", "true");
        p.put("mail.smtp.ssl.checkserveridentity", "true");
      }
      case TLS -> {
        p.put("mail.smtp.ssl.enable", "true");
        p.put("mail.smtp.ssl.socketFactory", NoDelaySockets.tls());
        p.put("mail.smtp.ssl.checkserveridentity", "true");
      }
      case NONE -> {}
    }
    this.session = Session.getInstance(p);
  }

  /**
   * Sends one mail.
   *
   * @param messageId the outbox row id, which becomes the Message-ID
   * @param unsubscribeUrl the one-click unsubscribe URL, or null for notices
   */
  public void send(String messageId, Mail mail, String unsubscribeUrl) throws SendFailure {
    MimeMessage message;
    try {
      message = build(messageId, mail, unsubscribeUrl);
    } catch (MessagingException e) {
      throw new SendFailure(
          SendFailure.Kind.PERMANENT, "the mail cannot be built: " + e.getMessage(), e);
    }
    try {
      connected().sendMessage(message, message.getAllRecipients());
    } catch (MessagingException e) {
      throw classify(e);
    }
  }

  private Transport connected() throws MessagingException {
    if (transport == null || !transport.isConnected()) {
      closeQuietly();
      transport = session.getTransport("smtp");
      if (settings.username().isEmpty()) {
        transport.connect();
      } else {
        transport.connect(settings.username(), settings.password());
      }
    }
    return transport;
  }

  private MimeMessage build(String id, Mail mail, String unsubscribeUrl) throws MessagingException {
    String domain = settings.from().getAddress().replaceFirst("^.*@", "");
    String messageId = "<" + id + "@" + domain + ">";
    MimeMessage m =
        new MimeMessage(session) {
          @Override
          protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", messageId);
          }
        };
    m.setFrom(settings.from());
    m.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.recipient(), true));
    m.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
    if (unsubscribeUrl != null) {
      m.setHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">");
      m.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
      m.setHeader("Precedence", "bulk");
      m.setHeader("Auto-Submitted", "auto-generated");
    }
    MimeBodyPart text = new MimeBodyPart();
    text.setText(mail.plain(), StandardCharsets.UTF_8.name(), "plain");
    MimeBodyPart html = new MimeBodyPart();
    html.setText(mail.html(), StandardCharsets.UTF_8.name(), "html");
    MimeMultipart alternative = new MimeMultipart("alternative", text, html);
    m.setContent(alternative);
    m.saveChanges();
    return m;
  }

  /** 4xx: temporary; 5xx: permanent; no reply code (no conversation): unavailable. */
  static SendFailure classify(MessagingException e) {
    for (Throwable t = e; t != null; t = next(t)) {
      int code = -1;
      if (t instanceof SMTPAddressFailedException a) {
        code = a.getReturnCode();
      } else if (t instanceof SMTPSendFailedException f) {
        code = f.getReturnCode();
      }
      if (code >= 500) {
        return new SendFailure(SendFailure.Kind.PERMANENT, reply(t), e);
      }
      if (code >= 400) {
        return new SendFailure(SendFailure.Kind.TEMPORARY, reply(t), e);
      }
    }
    return new SendFailure(
        SendFailure.Kind.UNAVAILABLE, "SMTP server not reachable: " + e.getMessage(), e);
  }

  private static Throwable next(Throwable t) {
    if (t instanceof MessagingException m && m.getNextException() != null) {
      return m.getNextException();
    }
    return t.getCause() == t ? null : t.getCause();
  }

  private static String reply(Throwable t) {
    String s = String.valueOf(t.getMessage()).strip();
    return s.length() > 300 ? s.substring(0, 300) : s;
  }

  private void closeQuietly() {
    if (transport != null) {
      try {
        transport.close();
      } catch (MessagingException e) {
        // The connection is being replaced or the sender is stopping; nothing to keep.
      }
      transport = null;
    }
  }

  @Override
  public void close() {
    closeQuietly();
  }
}
