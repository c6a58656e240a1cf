package org.paperboy.ingest;

import java.time.Duration;
import java.util.List;

/**
 * The counters an import prints at the end.
 *
 * @param records records read and accepted by the parsers
 * @param created papers that did not exist before
 * @param updated papers that changed
 * @param unchanged papers that a record described exactly as already stored
 * @param deleted papers withdrawn by an OAI-PMH deletion
 * @param rejected records that could not be imported
 * @param failedFiles files that could not be read to the end, each with its reason
 */
public record ImportReport(
    long records,
    long created,
    long updated,
    long unchanged,
    long deleted,
    long rejected,
    List<String> failedFiles,
    Duration elapsed) {

  public double recordsPerSecond() {
    double seconds = Math.max(elapsed.toNanos(), 1) / 1e9;
    return records / seconds;
  }

  /** This report with {@code more} added to its time (e.g. the search index's final commit). */
  public ImportReport plus(Duration more) {
    return new ImportReport(
        records, created, updated, unchanged, deleted, rejected, failedFiles, elapsed.plus(more));
  }

  /** One line: {@code 1,234 new, 0 updated, … in 1.2 s (9,876 papers/s)}. */
  public String summary() {
    return String.format(
        "%,d new, %,d updated, %,d unchanged, %,d deleted, %,d rejected%s in %.1f s (%,.0f papers/s)",
        created,
        updated,
        unchanged,
        deleted,
        rejected,
        failedFiles.isEmpty() ? "" : ", " + failedFiles.size() + " file(s) failed",
        elapsed.toMillis() / 1000.0,
        recordsPerSecond());
  }
}
