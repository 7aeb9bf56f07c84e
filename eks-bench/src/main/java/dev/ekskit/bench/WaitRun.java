package dev.ekskit.bench;

import dev.ekskit.core.EksKit;
import dev.ekskit.core.Operation;
import dev.ekskit.core.PollingPolicy;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.spi.KitContext;
import dev.ekskit.core.spi.Readiness;
import dev.ekskit.core.spi.SharedDescribe;
import dev.ekskit.simulator.SimulatedAws;
import dev.ekskit.testkit.SimulatedKit;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.services.eks.EksAsyncClient;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.waiters.EksAsyncWaiter;

/**
 * N waits of one {@link WaitCase} by one approach, on a fresh simulated account: the transitions
 * start together at t0 with the given durations (the same for every approach), and each wait's
 * detection lag is the time it ended minus the time its resource was really done.
 */
final class WaitRun {
  enum Approach {
    EKSKIT("ekskit"),
    SDK("SDK waiter"),
    FIXED_20S("fixed 20 s");

    final String title;

    Approach(String title) {
      this.title = title;
    }
  }

  private static final Duration FIXED_INTERVAL = Duration.ofSeconds(20);

  private WaitRun() {}

  /**
   * @param durations each resource's transition, in order
   * @param throttle the share of describes throttled, 0 for none
   */
  static WaitStats run(
      WaitCase row,
      Approach approach,
      List<Duration> durations,
      long seed,
      double throttle,
      PollingPolicy policy) {
    try (BenchWorld world = BenchWorld.create(seed)) {
      SimulatedAws aws = world.aws();
      int n = durations.size();
      aws.durations().all(Duration.ZERO);
      for (int i = 0; i < n; i++) {
        row.prepare(world, i);
      }
      aws.time().advance(Duration.ofSeconds(1));
      aws.durations().drawn();
      aws.faults().throttle(row.subject.describeOperation(), throttle);
      int callsBefore = aws.calls().count(row.subject.describeOperation());
      Instant t0 = aws.time().now();
      List<Instant> doneAt = durations.stream().map(t0::plus).toList();
      List<CompletableFuture<Instant>> ended = new ArrayList<>();
      try (Waiting waiting = Waiting.start(approach, aws, seed)) {
        // From one task, so that virtual time cannot move while the transitions and waits start:
        // a driver thread that looks blocked for a moment (loading a class) would let it jump.
        onRunner(
            aws,
            () -> {
              for (int i = 0; i < n; i++) {
                aws.durations().fix(row.transition(), durations.get(i));
                row.start(world, i);
              }
              aws.durations().drawn();
              for (int i = 0; i < n; i++) {
                ended.add(waiting.await(row, i, policy));
              }
            });
        CompletableFuture.allOf(ended.toArray(CompletableFuture[]::new))
            .exceptionally(failure -> null)
            .join();
      }
      long calls =
          aws.calls().all().stream()
              .filter(call -> call.operation().equals(row.subject.describeOperation()))
              .count();
      return WaitStats.of(ended, doneAt, calls - callsBefore);
    }
  }

  private static void onRunner(SimulatedAws aws, Runnable work) {
    try {
      aws.time().scheduler().submit(work).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while starting the waits", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("starting the waits failed", e.getCause());
    }
  }

  /** One approach's waits on one account, each ending with the virtual time it saw the end. */
  private interface Waiting extends AutoCloseable {
    CompletableFuture<Instant> await(WaitCase row, int i, PollingPolicy policy);

    @Override
    void close();

    static Waiting start(Approach approach, SimulatedAws aws, long seed) {
      return switch (approach) {
        case EKSKIT -> ekskit(aws, seed);
        case SDK -> sdk(aws);
        case FIXED_20S -> fixed(aws);
      };
    }
  }

  private static Waiting ekskit(SimulatedAws aws, long seed) {
    AtomicReference<KitContext> context = new AtomicReference<>();
    EksKit kit =
        SimulatedKit.builder(aws)
            .jitterSeed(seed)
            .discoverModules(false)
            .addModule(context::set)
            .build();
    EksClient eks = aws.eks();
    return new Waiting() {
      @Override
      public CompletableFuture<Instant> await(WaitCase row, int i, PollingPolicy policy) {
        SharedDescribe<String> describe =
            SharedDescribe.of("eks", row.subject.key(i), () -> row.subject.status(eks, i));
        Operation<String> waiting =
            context
                .get()
                .start(
                    ResourceRef.cluster(Subject.cluster(i)),
                    null,
                    scope ->
                        scope.await("wait", policy, describe, status -> readiness(row, status)));
        return waiting.completionFuture().thenApply(status -> aws.time().now());
      }

      @Override
      public void close() {
        kit.close();
      }
    };
  }

  private static Readiness<String> readiness(WaitCase row, String status) {
    return status.equals(row.target())
        ? Readiness.ready(status, status)
        : Readiness.pending(status);
  }

  private static Waiting sdk(SimulatedAws aws) {
    EksAsyncClient async = AsyncOverSync.wrap(aws.eks());
    EksAsyncWaiter waiter =
        EksAsyncWaiter.builder()
            .client(async)
            .scheduledExecutorService(aws.time().scheduler())
            .build();
    return new Waiting() {
      @Override
      public CompletableFuture<Instant> await(WaitCase row, int i, PollingPolicy policy) {
        return row.subject
            .sdkWait(waiter, i, row.waitsForGone())
            .thenApply(response -> aws.time().now());
      }

      @Override
      public void close() {
        waiter.close();
      }
    };
  }

  /** An eksctl-like loop: look at once, then every 20 s, until the status is reached. */
  private static Waiting fixed(SimulatedAws aws) {
    ScheduledExecutorService scheduler = aws.time().scheduler();
    return new Waiting() {
      @Override
      public CompletableFuture<Instant> await(WaitCase row, int i, PollingPolicy policy) {
        CompletableFuture<Instant> ended = new CompletableFuture<>();
        poll(row, i, ended, 0);
        return ended;
      }

      private void poll(WaitCase row, int i, CompletableFuture<Instant> ended, long delayMillis) {
        scheduler.schedule(
            () -> {
              if (row.subject.status(aws.eks(), i).equals(row.target())) {
                ended.complete(aws.time().now());
              } else {
                poll(row, i, ended, FIXED_INTERVAL.toMillis());
              }
            },
            delayMillis,
            TimeUnit.MILLISECONDS);
      }

      @Override
      public void close() {}
    };
  }
}
