package org.paperboy.cli;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.Callable;
import org.paperboy.app.Stores;
import org.paperboy.export.CitationExporter;
import org.paperboy.export.JsonlExporter;
import org.paperboy.store.PaperStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    showDefaultValues = true,
    description = {
      "Write the collection in id order: JSON lines (one paper per line), BibTeX or RIS."
    })
final class ExportCommand implements Callable<Integer> {
  @ParentCommand Main main;

  @Option(
      names = "--format",
      defaultValue = "jsonl",
      description = "Output format: jsonl, bibtex or ris.")
  String format;

  @Option(names = "--out", paramLabel = "FILE", description = "Output file. Default: stdout.")
  Path outFile;

  @Override
  public Integer call() throws IOException {
    if (!java.util.List.of("jsonl", "bibtex", "ris").contains(format)) {
      main.err.println(
          "paperboy: error: --format: unknown export format '"
              + format
              + "' (use jsonl, bibtex or ris)");
      return ExitCodes.USAGE;
    }
    try (PaperStore store = Stores.open(main.config(Map.of()))) {
      if (outFile == null) {
        OutputStream out = new BufferedOutputStream(main.out, 1 << 16);
        write(store, out);
        out.flush();
        return ExitCodes.OK;
      }
      // Write beside the target and move into place, so a failed export leaves no half file.
      Path dir = outFile.toAbsolutePath().getParent();
      // Not createTempFile: that makes the file 0600 whatever the umask; a plain new file gets
      // the permissions any other file written here would.
      Path tmp =
          dir.resolve(".paperboy-export-" + java.util.UUID.randomUUID().toString().substring(0, 8));
      Files.createFile(tmp);
      try {
        long n;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
          n = write(store, out);
        }
        Files.move(
            tmp, outFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        main.err.printf("exported %,d papers to %s (%s)%n", n, outFile, format);
        return ExitCodes.OK;
      } catch (IOException | UncheckedIOException e) {
        Files.deleteIfExists(tmp);
        throw e;
      }
    }
  }

  private long write(PaperStore store, OutputStream out) {
    return "jsonl".equals(format)
        ? JsonlExporter.write(store, out)
        : CitationExporter.write(store, out, "bibtex".equals(format));
  }
}
