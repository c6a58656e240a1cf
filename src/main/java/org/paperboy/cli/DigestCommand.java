package org.paperboy.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.paperboy.app.Services;
import org.paperboy.app.Workspace;
import org.paperboy.digest.DigestException;
import org.paperboy.digest.DigestPlanner;
import org.paperboy.digest.DigestSender;
import org.paperboy.digest.Digests;
import org.paperboy.digest.Mail;
import org.paperboy.digest.Subscription;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "digest",
    mixinStandardHelpOptions = true,
    description = "Email digests: preview one reader's, or compose and send the due ones.",
    subcommands = {DigestCommand.Preview.class, DigestCommand.Send.class})
final class DigestCommand {
  @ParentCommand Main main;

  /** Opens the workspace with the digest service over it, the way {@code serve} wires it. */
  static <T> T withDigests(Main main, Work<T> work) throws Exception {
    var config = main.config(Map.of());
    String site = config.server().publicUrl().toString();
    try (Workspace w = Workspace.open(config, main.err);
        Services services = Services.build(w, Optional.empty(), main.clock, () -> site, false)) {
      return work.run(services.digests());
    }
  }

  interface Work<T> {
    T run(Digests d) throws Exception;
  }

  @Command(
      name = "preview",
      mixinStandardHelpOptions = true,
      description =
          "Print (or write) the digest a subscriber would get now; nothing is stored or sent.")
  static final class Preview implements Callable<Integer> {
    @ParentCommand DigestCommand parent;

    @Option(
        names = "--email",
        required = true,
        paramLabel = "ADDRESS",
        description = "The subscriber.")
    String email;

    @Option(
        names = "--date",
        paramLabel = "YYYY-MM-DD",
        description = "The edition's local date (default: today in the subscriber's time zone).")
    LocalDate date;

    @Option(
        names = "--html",
        paramLabel = "FILE",
        description = "Write the HTML part to FILE (the plain-text part is printed).")
    Path html;

    @Override
    public Integer call() throws Exception {
      Main main = parent.main;
      return withDigests(
          main,
          d -> {
            Subscription s =
                d.subscriptions()
                    .store()
                    .findByEmail(email)
                    .orElseThrow(() -> new DigestException("no subscription for " + email));
            LocalDate day =
                date != null
                    ? date
                    : main.clock.instant().atZone(s.preferences().zone()).toLocalDate();
            Mail m = d.planner().preview(s, day);
            if (html != null) {
              write(html, m.html());
            }
            main.out.println("Subject: " + m.subject());
            main.out.println("To: " + m.recipient() + " (" + s.status().key() + ")");
            main.out.println();
            main.out.print(m.plain());
            return ExitCodes.OK;
          });
    }

    private static void write(Path file, String text) throws IOException {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
    }
  }

  @Command(
      name = "send",
      mixinStandardHelpOptions = true,
      description =
          "Compose the editions that are due (each reader's send hour) and deliver the outbox."
              + " serve does this every minute; use this from cron or to catch up.")
  static final class Send implements Callable<Integer> {
    @ParentCommand DigestCommand parent;

    @Option(
        names = "--now",
        description = "Compose every reader's current edition now, whatever their send hour.")
    boolean now;

    @Option(
        names = "--date",
        paramLabel = "YYYY-MM-DD",
        description = "Compose the edition of this local date (a missed one) instead of today's.")
    LocalDate date;

    @Override
    public Integer call() throws Exception {
      Main main = parent.main;
      return withDigests(
          main,
          d -> {
            if (!d.enabled()) {
              throw new DigestException(
                  "mail is not configured: set mail.smtp.host (see README, Email digests)");
            }
            DigestPlanner.Report p = d.planner().plan(now, date);
            main.out.printf(
                "composed %d editions, skipped %d with nothing new%n", p.composed(), p.skipped());
            DigestSender.Report r = d.deliverAll(main.clock);
            main.out.printf(
                "sent %d, %d to retry later, %d failed%n", r.sent(), r.retrying(), r.failed());
            if (r.serverUnavailable()) {
              main.err.println("paperboy: the SMTP server is not reachable; the rest stays queued");
              return ExitCodes.FAILED;
            }
            return ExitCodes.OK;
          });
    }
  }
}
