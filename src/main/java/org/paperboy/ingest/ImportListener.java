package org.paperboy.ingest;

import java.nio.file.Path;

/** Hears what an import does while it runs (the CLI prints it; tests collect it). */
public interface ImportListener {
  /** A record was rejected; the import goes on. */
  default void rejected(Path file, String where, String reason) {}

  /** A file could not be read (further); the import goes on with the next file. */
  default void fileFailed(Path file, String reason) {}

  /** Compressed bytes read so far out of the total size of all inputs. */
  default void progress(long bytesRead, long totalBytes) {}

  ImportListener NONE = new ImportListener() {};
}
