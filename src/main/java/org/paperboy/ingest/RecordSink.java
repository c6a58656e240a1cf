package org.paperboy.ingest;

import org.paperboy.paper.Paper;

/** Where a parser delivers what it reads: good records, and bad ones with a reason. */
public interface RecordSink {
  void accept(Paper paper);

  /**
   * Reports a record that cannot be imported; parsing goes on with the next record.
   *
   * @param where the record's position, e.g. {@code line 12} or {@code record 7 (line 340)}
   * @param reason what was wrong, in words a user can act on
   */
  void reject(String where, String reason);
}
