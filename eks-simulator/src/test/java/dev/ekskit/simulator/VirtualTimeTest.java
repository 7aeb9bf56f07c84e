package dev.ekskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class VirtualTimeTest {
  private final VirtualTime time = VirtualTime.create();
  private final ScheduledExecutorService scheduler = time.scheduler();

  @AfterEach
  void close() {
    time.close();
  }

  /**
   * Schedules a batch from the runner itself: from the test thread, time could jump to the first
   * task before the next one is submitted. Returns the batch's last future.
   */
  private ScheduledFuture<?> onRunner(Callable<ScheduledFuture<?>> batch) throws Exception {
    return scheduler.submit(batch).get();
  }

  @Test
  void create_noTasks_startsAtDefaultInstantInUtc() {
    assertThat(time.now()).isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    assertThat(time.clock().instant()).isEqualTo(time.now());
    assertThat(time.clock().getZone().getId()).isEqualTo("Z");
  }

  @Test
  void schedule_tasksOutOfOrder_runInVirtualTimeOrderThenFifo() throws Exception {
    List<String> order = new CopyOnWriteArrayList<>();

    onRunner(
            () -> {
              scheduler.schedule(() -> order.add("b@5m"), 5, TimeUnit.MINUTES);
              scheduler.schedule(() -> order.add("a@1m"), 1, TimeUnit.MINUTES);
              scheduler.schedule(() -> order.add("c@5m"), 5, TimeUnit.MINUTES);
              scheduler.execute(() -> order.add("now"));
              return scheduler.schedule(() -> {}, 6, TimeUnit.MINUTES);
            })
        .get();

    assertThat(order).containsExactly("now", "a@1m", "b@5m", "c@5m");
  }

  @Test
  void schedule_fortyMinuteWait_autoAdvancesInUnderOneSecondOfWallTime() throws Exception {
    long wallStart = System.nanoTime();

    Instant ranAt = scheduler.schedule(time::now, 40, TimeUnit.MINUTES).get(5, TimeUnit.SECONDS);

    assertThat(ranAt).isEqualTo(VirtualTime.DEFAULT_START.plus(Duration.ofMinutes(40)));
    assertThat(Duration.ofNanos(System.nanoTime() - wallStart)).isLessThan(Duration.ofSeconds(1));
  }

  @Test
  void cancel_scheduledTask_neverRunsAndTimeSkipsIt() throws Exception {
    AtomicInteger runs = new AtomicInteger();
    List<ScheduledFuture<?>> cancelled = new CopyOnWriteArrayList<>();
    List<Boolean> cancelAnswers = new CopyOnWriteArrayList<>();

    ScheduledFuture<?> later =
        onRunner(
            () -> {
              ScheduledFuture<?> doomed =
                  scheduler.schedule(runs::incrementAndGet, 10, TimeUnit.MINUTES);
              cancelled.add(doomed);
              cancelAnswers.add(doomed.cancel(false));
              return scheduler.schedule(time::now, 20, TimeUnit.MINUTES);
            });

    assertThat(later.get()).isEqualTo(VirtualTime.DEFAULT_START.plus(Duration.ofMinutes(20)));
    assertThat(cancelAnswers).containsExactly(true);
    assertThat(cancelled.get(0).isDone()).isTrue();
    assertThat(runs).hasValue(0);
  }

  @Test
  void getDelay_pendingTask_isMeasuredInVirtualTime() {
    ScheduledFuture<?> future = scheduler.schedule(() -> {}, 7, TimeUnit.HOURS);
    // The runner may already have jumped to the task; the delay never exceeds what was asked.
    assertThat(future.getDelay(TimeUnit.MINUTES)).isBetween(0L, 7 * 60L);
  }

  @Test
  void schedule_taskThrows_futureFailsAndRunnerSurvives() throws Exception {
    ScheduledFuture<Object> failing =
        scheduler.schedule(
            () -> {
              throw new IllegalStateException("boom");
            },
            1,
            TimeUnit.SECONDS);

    assertThatThrownBy(failing::get)
        .isInstanceOf(ExecutionException.class)
        .hasRootCauseMessage("boom");
    assertThat(scheduler.submit(() -> "alive").get()).isEqualTo("alive");
  }

  @Test
  void scheduleAtFixedRate_threeTicks_runAtExactVirtualInstants() throws Exception {
    List<Instant> ticks = new CopyOnWriteArrayList<>();

    onRunner(
            () -> {
              ScheduledFuture<?> periodic =
                  scheduler.scheduleAtFixedRate(
                      () -> ticks.add(time.now()), 0, 30, TimeUnit.SECONDS);
              return scheduler.schedule(() -> periodic.cancel(false), 61, TimeUnit.SECONDS);
            })
        .get();

    assertThat(ticks)
        .containsExactly(
            VirtualTime.DEFAULT_START,
            VirtualTime.DEFAULT_START.plusSeconds(30),
            VirtualTime.DEFAULT_START.plusSeconds(60));
  }

  @Test
  void scheduleWithFixedDelay_taskScheduledFromTask_seesAdvancedTime() throws Exception {
    List<Instant> ticks = new CopyOnWriteArrayList<>();

    onRunner(
            () -> {
              ScheduledFuture<?> periodic =
                  scheduler.scheduleWithFixedDelay(
                      () -> ticks.add(time.now()), 10, 10, TimeUnit.SECONDS);
              return scheduler.schedule(() -> periodic.cancel(false), 35, TimeUnit.SECONDS);
            })
        .get();

    assertThat(ticks).hasSize(3).last().isEqualTo(VirtualTime.DEFAULT_START.plusSeconds(30));
  }

  @Test
  void scheduler_manyTasks_useExactlyOneRunnerThread() throws Exception {
    List<String> threads = new CopyOnWriteArrayList<>();
    for (int i = 0; i < 50; i++) {
      scheduler.schedule(() -> threads.add(Thread.currentThread().getName()), i, TimeUnit.MINUTES);
    }
    scheduler.schedule(() -> {}, 1, TimeUnit.DAYS).get();

    assertThat(threads).hasSize(50).containsOnly("ekskit-virtual-time");
    assertThat(
            Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().equals("ekskit-virtual-time") && t.isAlive()))
        .hasSize(1);
  }

  @Test
  void advance_withoutTasks_movesNowForward() {
    time.advance(Duration.ofMinutes(15));

    assertThat(time.now()).isEqualTo(VirtualTime.DEFAULT_START.plus(Duration.ofMinutes(15)));
  }

  @Test
  void shutdown_thenAwaitTermination_rejectsNewTasksWithoutThrowing() throws Exception {
    scheduler.shutdown();

    assertThat(scheduler.awaitTermination(1, TimeUnit.SECONDS)).isTrue();
    assertThat(scheduler.isShutdown()).isTrue();
    assertThatThrownBy(() -> scheduler.execute(() -> {}))
        .isInstanceOf(java.util.concurrent.RejectedExecutionException.class);
  }

  @Test
  void executor_whileItsTaskIsBlocked_virtualTimeStandsStill() throws Exception {
    try (VirtualTime time = VirtualTime.create()) {
      Instant start = time.now();
      CountDownLatch release = new CountDownLatch(1);
      time.executor(1).execute(() -> awaitQuietly(release));
      ScheduledFuture<Instant> later = time.scheduler().schedule(time::now, 1, TimeUnit.HOURS);

      // The test thread blocks too: only the pool's blocked task holds virtual time still.
      assertThatThrownBy(() -> later.get(200, TimeUnit.MILLISECONDS))
          .isInstanceOf(TimeoutException.class);
      assertThat(time.now()).isEqualTo(start);
      release.countDown();

      assertThat(later.get()).isEqualTo(start.plus(Duration.ofHours(1)));
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
