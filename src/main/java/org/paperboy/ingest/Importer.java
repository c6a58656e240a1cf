package org.paperboy.ingest;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.zip.ZipException;
import org.paperboy.paper.Paper;
import org.paperboy.store.BatchOutcome;
import org.paperboy.store.BatchWriter;
import org.paperboy.store.PaperStore;
import org.paperboy.store.StoreException;

/**
 * The import pipeline: read and parse on the calling thread, fold batches into the store on a
 * writer thread (so parsing and SQLite each get a core), one transaction per batch.
 */
public final class Importer {
  private static final List<Paper> END = List.of();

  private final BatchWriter writer;
  private final PaperStore store;

  /**
   * An importer into {@code store}; the search index follows through the store's commit listeners,
   * on the writer thread.
   */
  public Importer(PaperStore store) {
    this.writer = new BatchWriter(store);
    this.store = store;
  }

  /**
   * Imports {@code inputs}; into an empty store as a bulk load (see {@link PaperStore#bulkLoad}).
   */
  public ImportReport run(List<Path> inputs, ImportOptions options, ImportListener listener) {
    long start = System.nanoTime();
    ImportReport r = store.bulkLoad(() -> importAll(inputs, options, listener));
    // The elapsed time includes building the author index after a bulk load.
    return new ImportReport(
        r.records(),
        r.created(),
        r.updated(),
        r.unchanged(),
        r.deleted(),
        r.rejected(),
        r.failedFiles(),
        Duration.ofNanos(System.nanoTime() - start));
  }

  private ImportReport importAll(
      List<Path> inputs, ImportOptions options, ImportListener listener) {
    long start = System.nanoTime();
    List<String> failed = new ArrayList<>();
    List<Path> files;
    try {
      files = InputFiles.expand(inputs);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list inputs: " + e.getMessage(), e);
    }
    long totalBytes = 0;
    for (Path f : files) {
      try {
        totalBytes += Files.size(f);
      } catch (IOException e) {
        // reported when the file is opened
      }
    }
    BlockingQueue<List<Paper>> queue = new ArrayBlockingQueue<>(4);
    AtomicReference<RuntimeException> writeError = new AtomicReference<>();
    AtomicReference<BatchOutcome> outcome = new AtomicReference<>(BatchOutcome.NONE);
    Thread writerThread =
        Thread.ofPlatform()
            .name("paperboy-import-writer")
            .start(() -> drain(queue, outcome, writeError));

    Counting sink = new Counting(options.batchSize(), queue, writeError, listener);
    AtomicLong bytesRead = new AtomicLong();
    sink.progress(bytesRead, totalBytes);
    try {
      for (Path file : files) {
        sink.file = file;
        String problem = importFile(file, options, sink, bytesRead);
        sink.flush();
        if (problem != null) {
          failed.add(file + ": " + problem);
          listener.fileFailed(file, problem);
        }
      }
    } catch (StopImport e) {
      // the writer failed; its error is thrown below
    } finally {
      sink.put(END);
      joinQuietly(writerThread);
    }
    if (writeError.get() != null) {
      throw writeError.get();
    }
    BatchOutcome o = outcome.get();
    return new ImportReport(
        sink.records,
        o.created(),
        o.updated(),
        o.unchanged(),
        o.deleted(),
        sink.rejected,
        List.copyOf(failed),
        Duration.ofNanos(System.nanoTime() - start));
  }

  /** Imports one file; returns null on success or the one-line reason it could not finish. */
  private static String importFile(
      Path file, ImportOptions options, Counting sink, AtomicLong bytesRead) {
    try (InputStream in = InputFiles.open(file, bytesRead)) {
      in.mark(FormatDetector.HEAD_BYTES);
      byte[] head = new byte[FormatDetector.HEAD_BYTES];
      int n = in.readNBytes(head, 0, head.length);
      in.reset();
      if (n == 0) {
        return "empty file";
      }
      if (!FormatDetector.isText(head, n)) {
        return "not UTF-8 text (a binary file?); every input format is text, optionally gzipped";
      }
      InputFormat format = options.format().or(() -> FormatDetector.detect(head, n)).orElse(null);
      if (format == null) {
        return "unrecognised format (expected one of: " + InputFormat.keys() + "; use --format)";
      }
      format.parser(options.asOf()).parse(in, file.getFileName().toString(), sink);
      return null;
    } catch (BadInputException e) {
      return e.getMessage();
    } catch (NoSuchFileException e) {
      return "no such file";
    } catch (EOFException | ZipException e) {
      return "truncated or corrupt gzip data (" + e.getMessage() + ")";
    } catch (IOException e) {
      return "cannot read: " + e.getMessage();
    } catch (StopImport e) {
      return null;
    }
  }

  private void drain(
      BlockingQueue<List<Paper>> queue,
      AtomicReference<BatchOutcome> outcome,
      AtomicReference<RuntimeException> error) {
    while (true) {
      List<Paper> batch;
      try {
        batch = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
      if (batch == END) {
        return;
      }
      if (error.get() != null) {
        continue; // keep draining so the reader never blocks
      }
      try {
        BatchOutcome committed = writer.write(batch);
        outcome.updateAndGet(prev -> prev.plus(committed));
      } catch (RuntimeException e) {
        error.set(e);
      }
    }
  }

  private static void joinQuietly(Thread t) {
    try {
      t.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Thrown inside a parser's sink to stop reading once the store has failed. */
  private static final class StopImport extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StopImport() {
      super("store failed", null, false, false);
    }
  }

  /** Collects records into batches and counts them. */
  private static final class Counting implements RecordSink {
    private final int batchSize;
    private final BlockingQueue<List<Paper>> queue;
    private final AtomicReference<RuntimeException> writeError;
    private final ImportListener listener;
    private List<Paper> batch = new ArrayList<>();
    private AtomicLong bytesRead = new AtomicLong();
    private long totalBytes;
    Path file;
    long records;
    long rejected;

    Counting(
        int batchSize,
        BlockingQueue<List<Paper>> queue,
        AtomicReference<RuntimeException> writeError,
        ImportListener listener) {
      this.batchSize = batchSize;
      this.queue = queue;
      this.writeError = writeError;
      this.listener = listener;
    }

    @Override
    public void accept(Paper paper) {
      records++;
      batch.add(paper);
      if (batch.size() >= batchSize) {
        flush();
      }
    }

    @Override
    public void reject(String where, String reason) {
      rejected++;
      listener.rejected(file, where, reason);
    }

    void progress(AtomicLong bytesRead, long totalBytes) {
      this.bytesRead = bytesRead;
      this.totalBytes = totalBytes;
    }

    void flush() {
      if (!batch.isEmpty()) {
        put(batch);
        batch = new ArrayList<>();
      }
      listener.progress(bytesRead.get(), totalBytes);
    }

    void put(List<Paper> b) {
      try {
        while (!queue.offer(b, 100, TimeUnit.MILLISECONDS)) {
          if (writeError.get() != null && b != END) {
            throw new StopImport();
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new StoreException("import interrupted", e);
      }
      if (writeError.get() != null && b != END) {
        throw new StopImport();
      }
    }
  }
}
