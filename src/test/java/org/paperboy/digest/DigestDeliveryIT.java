package org.paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.paperboy.testing.Cli;
import org.paperboy.testing.ScriptedSmtpServer;
import org.paperboy.testing.WebFixture;

/**
 * Delivery you can trust: SMTP 4xx replies retry with back-off, 5xx replies bounce the address for
 * good, and a sender killed mid-edition (a real {@code kill -9} of a {@code paperboy digest send}
 * process) delivers every reader's edition exactly once after a restart.
 */
class DigestDeliveryIT {

  private static Map<String, String> mail(int port, String rate) {
    Map<String, String> m = new HashMap<>();
    m.put("mail.smtp.host", "127.0.0.1");
    m.put("mail.smtp.port", Integer.toString(port));
    m.put("mail.rate-per-second", rate);
    m.put("digest.schedule", "false");
    return m;
  }

  /**
   * Mail settings for a test that counts what each delivery round did: serve's digest loop first
   * runs after a tick, here ten minutes, so every round is the test's own.
   */
  private static Map<String, String> drivenByTheTest(int port) {
    Map<String, String> m = mail(port, "500");
    m.put("jobs.tick-seconds", "600");
    m.put("jobs.lease-seconds", "1200");
    return m;
  }

  /** Confirmed subscribers straight in the store (the web flow is DigestIT's). */
  private static List<Subscription> subscribe(Digests d, List<String> emails) {
    List<Subscription> out = new ArrayList<>();
    for (String e : emails) {
      SubscriptionStore store = d.subscriptions().store();
      Subscription s = store.request(e, null, Preferences.defaults(), WebFixture.NOW);
      store.confirm(s.id(), WebFixture.NOW);
      out.add(store.find(s.id()).orElseThrow());
    }
    return out;
  }

  @Test
  void temporaryFailuresRetryWithBackOffAndPermanentOnesBounce(@TempDir Path tmp) throws Exception {
    try (ScriptedSmtpServer smtp =
            new ScriptedSmtpServer(
                to ->
                    to.startsWith("later")
                        ? "451 4.3.0 mailbox busy, try again later"
                        : to.startsWith("gone") ? "550 5.1.1 no such user" : "250 OK");
        WebFixture app = new WebFixture(tmp.resolve("data"), drivenByTheTest(smtp.port()))) {
      Digests d = app.runtime.digests();
      List<Subscription> subs =
          subscribe(
              d,
              List.of(
                  "ok@example.org", "later@example.org", "gone@example.org", "quit@example.org"));
      assertThat(d.planner().plan(true).composed()).isEqualTo(4);
      // Unsubscribed after the edition was composed: it is not sent.
      d.subscriptions().store().setStatus(subs.get(3).id(), Subscription.Status.UNSUBSCRIBED);

      DigestSender.Report first = d.deliver();
      assertThat(first.sent()).isEqualTo(1);
      assertThat(first.retrying()).isEqualTo(1);
      assertThat(first.failed()).isEqualTo(2);
      assertThat(smtp.delivered).containsExactly("ok@example.org");
      SubscriptionStore store = d.subscriptions().store();
      assertThat(store.find(subs.get(2).id()).orElseThrow().status())
          .isEqualTo(Subscription.Status.BOUNCED);
      assertThat(store.find(subs.get(1).id()).orElseThrow().status())
          .isEqualTo(Subscription.Status.ACTIVE);

      // Not due again before the back-off has passed: 1 minute, then 2.
      assertThat(d.deliver().sent() + d.deliver().retrying()).isZero();
      app.clock.advance(Duration.ofSeconds(61));
      assertThat(d.deliver().retrying()).isEqualTo(1);
      app.clock.advance(Duration.ofSeconds(61));
      assertThat(d.deliver().retrying()).as("second back-off is 2 minutes").isZero();

      smtp.replies(to -> to.startsWith("gone") ? "550 5.1.1 no such user" : "250 OK");
      app.clock.advance(Duration.ofSeconds(61));
      assertThat(d.deliver().sent()).isEqualTo(1);
      assertThat(smtp.delivered).containsExactly("ok@example.org", "later@example.org");

      // The bounced address gets nothing more, not even a confirmation when it subscribes again.
      d.subscriptions().subscribe("gone@example.org", null, Preferences.defaults());
      app.clock.advance(Duration.ofDays(1));
      d.planner().plan(true);
      d.deliver();
      assertThat(smtp.delivered).doesNotContain("gone@example.org", "quit@example.org");
      assertThat(d.outbox().counts()).containsEntry("failed", 2L);
      assertThat(DigestSender.backoff(1)).isEqualTo(Duration.ofMinutes(1));
      assertThat(DigestSender.backoff(4)).isEqualTo(Duration.ofMinutes(8));
      assertThat(DigestSender.backoff(30)).isEqualTo(Duration.ofHours(6));

      // No SMTP server at all: the round stops, the mails stay queued for the next one.
      smtp.stop();
      assertThat(d.planner().plan(true, LocalDate.of(2026, 8, 19)).composed()).isEqualTo(2);
      DigestSender.Report down = d.deliver();
      assertThat(down.serverUnavailable()).isTrue();
      assertThat(d.outbox().pending()).isPositive();
    }
  }

  @Test
  void aSenderKilledMidEditionDeliversEveryEditionExactlyOnceAfterRestart(@TempDir Path tmp)
      throws Exception {
    GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    try {
      int port = smtp.getSmtp().getPort();
      Path data = tmp.resolve("data");
      List<String> readers = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        readers.add("reader" + i + "@example.org");
      }
      try (WebFixture app = new WebFixture(data, mail(port, "10"))) {
        subscribe(app.runtime.digests(), readers);
      }
      // 10 mails a second: the process is killed between two mails (40 ms after the 10th arrived,
      // 60 ms before the 11th goes), while the outbox is half sent.
      Process first = sender(data, port);
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
      while (smtp.getReceivedMessages().length < 10 && System.nanoTime() < end) {
        Thread.sleep(5);
      }
      Thread.sleep(40);
      first.destroyForcibly().waitFor();
      int beforeRestart = smtp.getReceivedMessages().length;
      assertThat(beforeRestart).as("killed mid-edition").isBetween(10, readers.size() - 5);

      Process second = sender(data, port);
      assertThat(second.waitFor(120, TimeUnit.SECONDS)).isTrue();
      assertThat(second.exitValue()).isZero();

      Map<String, Integer> perReader = new TreeMap<>();
      for (MimeMessage m : smtp.getReceivedMessages()) {
        String to = m.getRecipients(Message.RecipientType.TO)[0].toString();
        perReader.merge(to, 1, Integer::sum);
        assertThat(m.getSubject())
            .startsWith("Your Paperboy daily digest — Thursday 20 August 2026");
      }
      assertThat(perReader.keySet()).containsExactlyInAnyOrderElementsOf(readers);
      assertThat(perReader.values()).containsOnly(1);

      // The same reader's preview for that date now brings other papers (none is sent twice).
      Path html = tmp.resolve("preview.html");
      Cli.Result preview =
          Cli.run(
              "--data",
              data.toString(),
              "digest",
              "preview",
              "--email",
              "reader0@example.org",
              "--date",
              "2026-08-21",
              "--html",
              html.toString());
      assertThat(preview.exit()).as(preview.err()).isZero();
      assertThat(preview.out())
          .startsWith("Subject: Your Paperboy daily digest — Thursday 20 August 2026 (5 papers)")
          .contains("To: reader0@example.org (active)")
          .contains("TRENDING");
      assertThat(Files.readString(html)).contains("<html").contains("/digest/unsubscribe?t=");
      Cli.Result unknown =
          Cli.run("--data", data.toString(), "digest", "preview", "--email", "who@example.org");
      assertThat(unknown.exit()).isNotZero();
      assertThat(unknown.err()).contains("no subscription for who@example.org");
      Cli.Result stats = Cli.run("--data", data.toString(), "stats");
      assertThat(stats.out()).contains("digest subscriptions: {active=40}; outbox: {sent=40}");
      Cli.Result noMail = Cli.run("--data", data.toString(), "digest", "send", "--now");
      assertThat(noMail.exit()).isNotZero();
      assertThat(noMail.err()).contains("mail is not configured: set mail.smtp.host");
    } finally {
      smtp.stop();
    }
  }

  @Test
  void serveSendsTheFirstEditionOnItsOwnOnceTheAddressIsConfirmed(@TempDir Path tmp)
      throws Exception {
    GreenMail smtp = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    smtp.start();
    Map<String, String> config = mail(smtp.getSmtp().getPort(), "50");
    config.put("digest.schedule", "true");
    try (WebFixture app = new WebFixture(tmp.resolve("data"), config)) {
      Digests d = app.runtime.digests();
      d.subscriptions().subscribe("eve@example.org", null, Preferences.defaults());
      assertThat(smtp.waitForIncomingEmail(20_000, 1)).isTrue();
      String text =
          (String)
              ((jakarta.mail.internet.MimeMultipart) smtp.getReceivedMessages()[0].getContent())
                  .getBodyPart(0)
                  .getContent();
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile("/digest/confirm\\?t=([A-Za-z0-9_.-]+)").matcher(text);
      assertThat(m.find()).isTrue();
      d.subscriptions().confirm(m.group(1));
      // 12:00 UTC is past the default 08:00 UTC: the loop composes and sends today's edition.
      assertThat(smtp.waitForIncomingEmail(20_000, 2)).isTrue();
      MimeMessage digest = smtp.getReceivedMessages()[1];
      assertThat(digest.getSubject())
          .startsWith("Your Paperboy daily digest — Thursday 20 August 2026");
      assertThat(digest.getHeader("List-Unsubscribe")).isNotNull();
    } finally {
      smtp.stop();
    }
  }

  /** {@code paperboy digest send --date 2026-08-21} in a separate JVM. */
  private static Process sender(Path data, int port) throws Exception {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    ProcessBuilder pb =
        new ProcessBuilder(
            java,
            "-cp",
            System.getProperty("java.class.path"),
            "org.paperboy.cli.Main",
            "--data",
            data.toString(),
            "digest",
            "send",
            "--date",
            LocalDate.of(2026, 8, 21).toString());
    pb.environment().put("PAPERBOY_MAIL_SMTP_HOST", "127.0.0.1");
    pb.environment().put("PAPERBOY_MAIL_SMTP_PORT", Integer.toString(port));
    pb.environment().put("PAPERBOY_MAIL_RATE_PER_SECOND", "10");
    pb.redirectErrorStream(true);
    pb.redirectOutput(new File(data.toFile(), "sender-" + System.nanoTime() + ".log"));
    return pb.start();
  }
}
