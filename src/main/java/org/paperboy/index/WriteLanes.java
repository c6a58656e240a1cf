package org.paperboy.index;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs index writes on several threads so that analysis, the bulk of indexing, uses every core
 * while the caller goes on reading or storing papers. Every write names a key (the paper id) and
 * all writes of one key run on the same lane, in the order they were given, so a paper's writes
 * never overtake each other. {@link #drain} waits until everything given so far has run; callers
 * drain before a refresh or commit, so what those publish is exactly what was written before them.
 *
 * <p>A failed write is kept and thrown once, as an {@link UncheckedIOException}, by the next write
 * or drain: the writer of the store learns that the index missed a change, as it did when writes
 * ran on its own thread; later writes still run.
 */
final class WriteLanes implements AutoCloseable {
  /** A write to run on a lane. */
  @FunctionalInterface
  interface Write {
    void run() throws IOException;
  }

  /** Writes queued per lane before the caller waits: enough to keep a lane busy, little memory. */
  private static final int QUEUE = 512;

  private final Lane[] lanes;
  private final AtomicReference<Throwable> failure = new AtomicReference<>();

  WriteLanes(int count, String name) {
    lanes = new Lane[Math.max(1, count)];
    for (int i = 0; i < lanes.length; i++) {
      lanes[i] = new Lane(name + "-" + i);
    }
  }

  /** Queues {@code write} on the lane of {@code key}; waits only when that lane's queue is full. */
  void submit(String key, Write write) {
    rethrow();
    Lane lane = lanes[Math.floorMod(key.hashCode(), lanes.length)];
    lane.put(write);
  }

  /** Waits until every write submitted before this call has run; throws a failed write's error. */
  void drain() {
    drain(() -> {});
  }

  /**
   * Like {@link #drain()}, and each lane then runs {@code last} once, all lanes at the same time
   * (work that splits across lanes, such as flushing the index's per-thread buffers).
   */
  void drain(Write last) {
    CountDownLatch done = new CountDownLatch(lanes.length);
    for (Lane lane : lanes) {
      lane.put(new Marker(last, done));
    }
    try {
      done.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for index writes", e);
    }
    rethrow();
  }

  private void rethrow() {
    Throwable t = failure.getAndSet(null);
    if (t != null) {
      throw new UncheckedIOException(
          "index write failed: " + t.getMessage(),
          t instanceof IOException io ? io : new IOException(t));
    }
  }

  /** Runs what is queued, then stops the lanes. */
  @Override
  public void close() {
    for (Lane lane : lanes) {
      lane.put(Lane.STOP);
    }
    for (Lane lane : lanes) {
      try {
        lane.thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /**
   * Runs {@code last} and counts down when a lane reaches it: everything queued before it on that
   * lane has run.
   */
  private record Marker(Write last, CountDownLatch latch) implements Write {
    @Override
    public void run() throws IOException {
      try {
        last.run();
      } finally {
        latch.countDown();
      }
    }
  }

  private final class Lane {
    static final Write STOP = () -> {};

    final BlockingQueue<Write> queue = new ArrayBlockingQueue<>(QUEUE);
    final Thread thread;

    Lane(String name) {
      thread = Thread.ofPlatform().daemon().name(name).start(this::loop);
    }

    void put(Write w) {
      try {
        queue.put(w);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while queueing an index write", e);
      }
    }

    private void loop() {
      while (true) {
        Write w;
        try {
          w = queue.take();
        } catch (InterruptedException e) {
          return;
        }
        if (w == STOP) {
          return;
        }
        try {
          w.run();
        } catch (IOException | RuntimeException e) {
          failure.compareAndSet(null, e);
        }
      }
    }
  }
}
