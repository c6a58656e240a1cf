package org.paperboy.ingest;

import java.time.LocalDate;
import java.util.Optional;

/**
 * How to read the inputs.
 *
 * @param format a fixed format, or empty to detect each file's format from its content
 * @param asOf the reference day for dates without a year (page captures)
 * @param batchSize records per store transaction
 */
public record ImportOptions(Optional<InputFormat> format, LocalDate asOf, int batchSize) {
  public ImportOptions {
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1");
    }
  }
}
