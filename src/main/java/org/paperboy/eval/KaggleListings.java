package org.paperboy.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.paperboy.ingest.BadInputException;
import org.paperboy.ingest.KaggleSnapshotParser;
import org.paperboy.ingest.RecordSink;
import org.paperboy.paper.Paper;

/** Reads arXiv listings in Kaggle-snapshot format (a file, or every .jsonl[.gz] in a folder). */
public final class KaggleListings {
  /** The papers read and how many records could not be read. */
  public record Read(List<Paper> papers, long rejected) {}

  private KaggleListings() {}

  public static Read read(Path path) throws IOException {
    List<Path> files;
    if (Files.isDirectory(path)) {
      try (Stream<Path> s = Files.list(path)) {
        files =
            s.filter(p -> p.getFileName().toString().matches(".*\\.jsonl?(\\.gz)?"))
                .sorted()
                .toList();
      }
    } else {
      files = List.of(path);
    }
    if (files.isEmpty()) {
      throw new BadInputException("no .jsonl or .jsonl.gz files in " + path);
    }
    List<Paper> out = new ArrayList<>();
    long[] rejected = {0};
    KaggleSnapshotParser parser = new KaggleSnapshotParser();
    for (Path f : files) {
      try (InputStream raw = Files.newInputStream(f);
          InputStream in = f.toString().endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
        parser.parse(
            in,
            f.getFileName().toString(),
            new RecordSink() {
              @Override
              public void accept(Paper paper) {
                out.add(paper);
              }

              @Override
              public void reject(String where, String reason) {
                rejected[0]++;
              }
            });
      }
    }
    return new Read(out, rejected[0]);
  }
}
