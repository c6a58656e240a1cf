package org.paperboy.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.paperboy.ingest.ImportReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Start Paperboy with the bundled demo corpus: 558 real Hugging Face Daily Papers days"
          + " (9,577 papers) and 3 captured Daily Papers pages. Imports them (again: importing"
          + " is idempotent), serves at once, and embeds in the background.",
      "Data goes to ./demo-data unless --data or PAPERBOY_DATA says otherwise."
    })
final class DemoCommand implements Callable<Integer> {
  /** The page captures were made in late 2024; dates without a year mean that year. */
  static final LocalDate PAGES_CAPTURED = LocalDate.of(2024, 12, 1);

  @ParentCommand Main main;

  @Option(names = "--port", paramLabel = "PORT", description = "Port (default 8080; 0: any free).")
  Integer port;

  @Option(
      names = "--host",
      paramLabel = "HOST",
      description = "Address to bind (default 127.0.0.1).")
  String host;

  @Option(
      names = "--corpus",
      paramLabel = "DIR",
      description = "The demo corpus directory (default: demo/ of this installation).")
  Path corpus;

  @Override
  public Integer call() throws Exception {
    Map<String, String> flags = ServeCommand.flags(port, host);
    if (main.data == null && main.env.get("PAPERBOY_DATA") == null) {
      flags.put("data", "demo-data");
    }
    Path dir = corpus != null ? corpus : defaultCorpus();
    Path hf = dir.resolve("hf-daily");
    Path pages = dir.resolve("pages");
    if (!Files.isDirectory(hf)) {
      main.err.println("paperboy: error: the demo corpus is missing: no directory " + hf);
      return ExitCodes.FAILED;
    }
    return ServeCommand.serve(
        main,
        flags,
        true,
        runtime -> {
          long start = System.nanoTime();
          ImportReport a = runtime.importFiles(List.of(hf), LocalDate.now(main.clock));
          ImportReport b =
              Files.isDirectory(pages) ? runtime.importFiles(List.of(pages), PAGES_CAPTURED) : null;
          main.out.printf(
              "paperboy: demo corpus imported in %.1f s: %s%s%n",
              (System.nanoTime() - start) / 1e9,
              a.summary(),
              b == null ? "" : "; pages: " + b.summary());
        });
  }

  private static Path defaultCorpus() {
    String home = System.getProperty("paperboy.home");
    return (home == null ? Path.of(".") : Path.of(home)).resolve("demo");
  }
}
