package org.paperboy.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SchedulerTest {

  /** A job that counts its rounds and how many ran at the same time; its first round fails. */
  static final class Counting implements Scheduler.Job {
    final AtomicInteger rounds = new AtomicInteger();
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger mostAtOnce = new AtomicInteger();
    final CountDownLatch enough;
    final Duration every;

    Counting(Duration every, int enough) {
      this.every = every;
      this.enough = new CountDownLatch(enough);
    }

    @Override
    public String name() {
      return "counting";
    }

    @Override
    public Duration every() {
      return every;
    }

    @Override
    public void round() throws InterruptedException {
      int now = running.incrementAndGet();
      mostAtOnce.accumulateAndGet(now, Math::max);
      try {
        Thread.sleep(20);
        if (rounds.incrementAndGet() == 1) {
          throw new IllegalStateException("the first round fails");
        }
      } finally {
        running.decrementAndGet();
        enough.countDown();
      }
    }
  }

  @Test
  void roundsRepeatAfterAFailureAndNeverOverlapEvenWhenWoken() throws Exception {
    Counting job = new Counting(Duration.ofMillis(5), 6);
    try (Scheduler s = new Scheduler(1)) {
      Scheduler.Handle h = s.schedule(job);
      for (int i = 0; i < 5; i++) {
        h.runSoon();
      }
      assertThat(job.enough.await(10, TimeUnit.SECONDS)).isTrue();
      assertThat(s.jobs()).containsExactly("counting");
    }
    assertThat(job.rounds.get()).isGreaterThanOrEqualTo(6);
    assertThat(job.mostAtOnce.get()).isEqualTo(1);
  }

  @Test
  void runSoonRunsARoundLongBeforeTheNextTick() throws Exception {
    Counting job = new Counting(Duration.ofHours(1), 2);
    try (Scheduler s = new Scheduler(1)) {
      Scheduler.Handle h = s.schedule(job); // the first round runs at once
      long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (job.rounds.get() < 1 && System.nanoTime() < end) {
        Thread.sleep(5);
      }
      h.runSoon();
      assertThat(job.enough.await(10, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(job.rounds.get()).isEqualTo(2);
  }

  @Test
  void closingStopsTheRounds() throws Exception {
    Counting job = new Counting(Duration.ofMillis(1), 3);
    Scheduler s = new Scheduler(1);
    s.schedule(job);
    assertThat(job.enough.await(10, TimeUnit.SECONDS)).isTrue();
    s.close();
    int after = job.rounds.get();
    Thread.sleep(100);
    assertThat(job.rounds.get()).isEqualTo(after);
  }

  @Test
  void closingInterruptsOnlyRoundsThatMayBeInterrupted() throws Exception {
    CountDownLatch started = new CountDownLatch(2);
    java.util.concurrent.atomic.AtomicBoolean indexRoundFinished =
        new java.util.concurrent.atomic.AtomicBoolean();
    java.util.concurrent.atomic.AtomicBoolean networkRoundInterrupted =
        new java.util.concurrent.atomic.AtomicBoolean();
    Scheduler s = new Scheduler(2);
    s.schedule(
        job(
            "index",
            false,
            () -> {
              started.countDown();
              long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
              while (System.nanoTime() < end) {
                Thread.onSpinWait(); // as file I/O would: an interrupt here must not happen
              }
              indexRoundFinished.set(!Thread.currentThread().isInterrupted());
            }));
    s.schedule(
        job(
            "network",
            true,
            () -> {
              started.countDown();
              try {
                Thread.sleep(60_000);
              } catch (InterruptedException e) {
                networkRoundInterrupted.set(true);
              }
            }));
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    long t0 = System.nanoTime();
    s.close();
    assertThat(indexRoundFinished.get()).isTrue();
    assertThat(networkRoundInterrupted.get()).isTrue();
    assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - t0)).isLessThan(10);
  }

  private static Scheduler.Job job(String name, boolean interruptible, Runnable round) {
    return new Scheduler.Job() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public Duration every() {
        return Duration.ofHours(1);
      }

      @Override
      public boolean interruptible() {
        return interruptible;
      }

      @Override
      public void round() {
        round.run();
      }
    };
  }
}
