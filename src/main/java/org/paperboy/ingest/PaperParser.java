package org.paperboy.ingest;

import java.io.IOException;
import java.io.InputStream;

/** Reads one input format as a stream of records. */
public interface PaperParser {
  /**
   * Streams the records of {@code in} into {@code sink}.
   *
   * @param fileName the input's file name (some formats take the day from it)
   * @throws BadInputException when the input as a whole cannot be read further (truncated,
   *     garbled); records delivered before that stay delivered
   */
  void parse(InputStream in, String fileName, RecordSink sink) throws IOException;
}
