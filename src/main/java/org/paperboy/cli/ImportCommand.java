package org.paperboy.cli;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import org.paperboy.app.Stores;
import org.paperboy.app.Workspace;
import org.paperboy.config.PaperboyConfig;
import org.paperboy.ingest.ImportListener;
import org.paperboy.ingest.ImportOptions;
import org.paperboy.ingest.ImportReport;
import org.paperboy.ingest.Importer;
import org.paperboy.ingest.InputFormat;
import org.paperboy.store.PaperStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    description = {
      "Import papers from files or directories (.gz is read transparently).",
      "Formats: hf-daily (Hugging Face api/daily_papers JSON), oai-pmh (arXiv OAI-PMH ListRecords,"
          + " arXiv or arXivRaw), arxiv-api (arXiv API Atom), kaggle (arxiv-metadata-oai-snapshot"
          + " JSON lines), page (captured Daily Papers page text).",
      "Exit codes: 0 all imported, 3 some records rejected, 1 a file or the store failed."
    })
final class ImportCommand implements Callable<Integer> {
  /** Rejections printed one per line before the rest are only counted. */
  private static final int MAX_REPORTED = 100;

  @ParentCommand Main main;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      defaultValue = "auto",
      description =
          "auto (detect by content), or one of: hf-daily, oai-pmh, arxiv-api, kaggle, page.")
  String format;

  @Option(
      names = "--as-of",
      paramLabel = "YYYY-MM-DD",
      description = "Reference day for dates without a year in page captures. Default: today.")
  LocalDate asOf;

  @Option(names = "--batch-size", paramLabel = "N", description = "Records per transaction.")
  Integer batchSize;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Option(
      names = "--no-index",
      description =
          "Bulk load: leave the search index out of the import (about 5x faster on 2 cores). The"
              + " index is dropped and rebuilt from the store by the next command that needs it,"
              + " or by paperboy reindex.")
  boolean noIndex;

  @Parameters(arity = "1..*", paramLabel = "PATH", description = "Files or directories to import.")
  List<Path> paths;

  @Override
  public Integer call() {
    Optional<InputFormat> fixed = Optional.empty();
    if (!"auto".equals(format)) {
      fixed = InputFormat.fromKey(format);
      if (fixed.isEmpty()) {
        main.err.println(
            "paperboy: error: --format: unknown format '"
                + format
                + "' (use auto or one of: "
                + InputFormat.keys()
                + ")");
        return ExitCodes.USAGE;
      }
    }
    PaperboyConfig config =
        main.config(
            batchSize == null ? Map.of() : Map.of("import.batch-size", batchSize.toString()));
    LocalDate day = asOf != null ? asOf : LocalDate.now(main.clock);
    ImportOptions options = new ImportOptions(fixed, day, config.importBatchSize());
    boolean terminal = System.console() != null && !quiet;
    Reporter reporter = new Reporter(terminal);
    ImportReport report;
    long awaiting;
    String model = config.embeddingModel().key();
    if (noIndex) {
      try (PaperStore store = Stores.open(config)) {
        // Dropped first: a crash mid-import must not leave an index that looks current.
        Workspace.dropIndex(config);
        report = new Importer(store).run(paths, options, reporter);
        awaiting = store.countLive() - store.embeddings().count(model);
      } finally {
        reporter.finish();
      }
    } else {
      try (Workspace w = Workspace.open(config, main.err)) {
        report = new Importer(w.store).run(paths, options, reporter); // the index follows
        // The time includes the index catching up and its commit: papers/s means searchable.
        long commit = System.nanoTime();
        w.index.commit();
        report = report.plus(java.time.Duration.ofNanos(System.nanoTime() - commit));
        awaiting = w.store.countLive() - w.store.embeddings().count(model);
      } finally {
        reporter.finish();
      }
    }
    if (reporter.unreported > 0) {
      main.err.printf("... and %,d more rejected records%n", reporter.unreported);
    }
    main.out.println(report.summary());
    if (awaiting > 0) {
      main.out.printf(
          "%,d papers are searchable by keyword and await embeddings for semantic search"
              + " (run: paperboy embed)%n",
          awaiting);
    }
    if (!report.failedFiles().isEmpty()) {
      return ExitCodes.FAILED;
    }
    return report.rejected() > 0 ? ExitCodes.SOME_REJECTED : ExitCodes.OK;
  }

  /** Prints rejections and failures to stderr as they happen, and drives the progress bar. */
  private final class Reporter implements ImportListener {
    private final boolean terminal;
    private ProgressBar bar;
    private int reported;
    long unreported;

    Reporter(boolean terminal) {
      this.terminal = terminal;
    }

    @Override
    public void rejected(Path file, String where, String reason) {
      if (reported++ < MAX_REPORTED) {
        main.err.println(file + ": " + where + ": rejected: " + reason);
      } else {
        unreported++;
      }
    }

    @Override
    public void fileFailed(Path file, String reason) {
      main.err.println(file + ": error: " + reason);
    }

    @Override
    public void progress(long bytesRead, long totalBytes) {
      if (!terminal) {
        return;
      }
      if (bar == null) {
        bar =
            new ProgressBarBuilder()
                .setTaskName("import")
                .setInitialMax(Math.max(totalBytes, 1))
                .setUnit(" MiB", 1 << 20)
                .setStyle(ProgressBarStyle.ASCII)
                .continuousUpdate()
                .build();
      }
      bar.stepTo(Math.min(bytesRead, totalBytes));
    }

    void finish() {
      if (bar != null) {
        bar.close();
        bar = null;
      }
    }
  }
}
