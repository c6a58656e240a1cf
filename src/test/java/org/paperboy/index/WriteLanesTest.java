package org.paperboy.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BrokenBarrierException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class WriteLanesTest {
  @Test
  void writesOfOneKeyRunInOrderAndDrainWaitsForAll() {
    Map<String, List<Integer>> seen = new ConcurrentHashMap<>();
    Set<String> threads = ConcurrentHashMap.newKeySet();
    try (WriteLanes lanes = new WriteLanes(3, "test-lane")) {
      for (int i = 0; i < 20_000; i++) {
        String key = "paper-" + (i % 37);
        int n = i;
        lanes.submit(
            key,
            () -> {
              threads.add(Thread.currentThread().getName());
              seen.computeIfAbsent(key, k -> Collections.synchronizedList(new ArrayList<>()))
                  .add(n);
            });
      }
      lanes.drain();
      // Read right after drain, without closing: every write given before it has run.
      int total = seen.values().stream().mapToInt(List::size).sum();
      assertEquals(20_000, total);
      for (List<Integer> writes : seen.values()) {
        List<Integer> sorted = new ArrayList<>(writes);
        Collections.sort(sorted);
        assertEquals(sorted, writes, "one key's writes ran out of order");
      }
      assertTrue(threads.size() > 1, "writes ran on one lane only: " + threads);
    }
  }

  @Test
  void aFailedWriteIsReportedOnceAndLaterWritesStillRun() {
    AtomicInteger ran = new AtomicInteger();
    try (WriteLanes lanes = new WriteLanes(2, "test-lane")) {
      lanes.submit(
          "a",
          () -> {
            throw new IOException("disk full");
          });
      UncheckedIOException e = assertThrows(UncheckedIOException.class, lanes::drain);
      assertTrue(e.getMessage().contains("disk full"), e.getMessage());
      lanes.submit("b", ran::incrementAndGet);
      lanes.drain(); // reported once: nothing to throw now
      assertEquals(1, ran.get());
    }
  }

  @Test
  void drainRunsTheLastWorkOnEveryLaneAtOnceAfterItsWrites() throws Exception {
    int lanesCount = 3;
    AtomicInteger written = new AtomicInteger();
    Set<String> ranOn = ConcurrentHashMap.newKeySet();
    List<Integer> writtenWhenLastRan = Collections.synchronizedList(new ArrayList<>());
    // Every lane's last work waits for all the others: the drain only ends if they run together.
    CyclicBarrier together = new CyclicBarrier(lanesCount);
    try (WriteLanes lanes = new WriteLanes(lanesCount, "test-lane")) {
      for (int i = 0; i < 3_000; i++) {
        lanes.submit("paper-" + i, written::incrementAndGet);
      }
      lanes.drain(
          () -> {
            try {
              together.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException | BrokenBarrierException | TimeoutException e) {
              throw new IOException("lanes did not run their last work at the same time", e);
            }
            ranOn.add(Thread.currentThread().getName());
            writtenWhenLastRan.add(written.get());
          });
      assertEquals(lanesCount, ranOn.size(), "once on each lane: " + ranOn);
      assertEquals(List.of(3_000, 3_000, 3_000), writtenWhenLastRan);
      assertThrows(
          UncheckedIOException.class,
          () ->
              lanes.drain(
                  () -> {
                    throw new IOException("flush failed");
                  }));
    }
  }

  @Test
  void closeRunsWhatIsQueued() {
    Map<String, Integer> done = new HashMap<>();
    WriteLanes lanes = new WriteLanes(2, "test-lane");
    for (int i = 0; i < 1_000; i++) {
      String key = "k" + i;
      lanes.submit(
          key,
          () -> {
            synchronized (done) {
              done.put(key, 1);
            }
          });
    }
    lanes.close();
    synchronized (done) {
      assertEquals(1_000, done.size());
    }
  }
}
