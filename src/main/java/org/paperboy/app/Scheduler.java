package org.paperboy.app;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the server's background jobs (embedding, digests, harvests, following the store, status) on
 * one scheduler: each job every so often, never two rounds of one job at once, a round that fails
 * logged and followed by the next as usual. Closing starts no new round, interrupts the rounds that
 * may be interrupted (see {@link Job#interruptible}) and waits for the rest to finish.
 */
final class Scheduler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(Scheduler.class);

  /** One background job: a round of work, run every {@link #every()}. */
  interface Job {
    String name();

    Duration every();

    void round() throws InterruptedException;

    /**
     * Whether closing may interrupt a running round (network waits, sleeps). Rounds that write the
     * Lucene index must not be interrupted: an interrupt during its file I/O closes the channel and
     * invalidates the index's write lock. They finish their round instead.
     */
    default boolean interruptible() {
      return false;
    }

    /** How long after start the first round runs (at once unless a job says otherwise). */
    default Duration firstAfter() {
      return Duration.ZERO;
    }
  }

  /** A scheduled job; {@link #runSoon} asks for an extra round now (e.g. a notice was queued). */
  interface Handle {
    void runSoon();
  }

  private final ScheduledExecutorService pool;
  private final AtomicBoolean closing = new AtomicBoolean();
  private final List<String> names = new ArrayList<>();
  private final java.util.Set<Thread> interruptible =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  /**
   * @param jobs how many jobs will be scheduled: each gets a thread, so a long round blocks none
   */
  Scheduler(int jobs) {
    this.pool =
        Executors.newScheduledThreadPool(
            jobs + 1,
            r -> {
              Thread t = new Thread(r, "paperboy-job");
              t.setDaemon(true);
              return t;
            });
  }

  Handle schedule(Job job) {
    names.add(job.name());
    ReentrantLock running = new ReentrantLock();
    Runnable once =
        () -> {
          running.lock();
          Thread.currentThread().setName("paperboy-" + job.name());
          if (job.interruptible()) {
            interruptible.add(Thread.currentThread());
          }
          try {
            if (closing.get()) {
              return;
            }
            job.round();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          } catch (RuntimeException e) {
            if (!closing.get()) {
              LOG.warn(
                  "{}: {}; next round in {} s",
                  job.name(),
                  e.getMessage() == null ? e.toString() : e.getMessage(),
                  job.every().toSeconds());
            }
          } finally {
            interruptible.remove(Thread.currentThread());
            Thread.interrupted(); // an interrupt meant for this round must not reach the next
            running.unlock();
          }
        };
    pool.scheduleWithFixedDelay(
        once, job.firstAfter().toMillis(), job.every().toMillis(), TimeUnit.MILLISECONDS);
    return () -> {
      if (!closing.get()) {
        pool.execute(once);
      }
    };
  }

  /** Whether the scheduler is closing: long rounds check this between steps and stop early. */
  boolean closing() {
    return closing.get();
  }

  /** The names of the scheduled jobs, in the order they were scheduled. */
  List<String> jobs() {
    return List.copyOf(names);
  }

  @Override
  public void close() {
    closing.set(true);
    pool.shutdown(); // no new rounds; running ones finish (interruptible ones are interrupted)
    interruptible.forEach(Thread::interrupt);
    try {
      if (!pool.awaitTermination(30, TimeUnit.SECONDS)) {
        LOG.warn("background jobs still running after 30 s: {}", names);
        pool.shutdownNow();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
