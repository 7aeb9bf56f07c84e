package dev.ekskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.model.ClusterStatus;

/**
 * Polling on the virtual scheduler, as ekskit's waiters do: minutes of AWS time in milliseconds.
 */
class VirtualWorkflowTest extends SimulatedAwsFixture {

  @Test
  void pollingCreateThenDelete_onVirtualScheduler_finishesInUnderOneSecondOfWallTime()
      throws Exception {
    long wallStart = System.nanoTime();
    ScheduledExecutorService scheduler = aws.time().scheduler();

    eks.createCluster(clusterRequest("orders"));
    Instant active = pollUntil(scheduler, "orders", ClusterStatus.ACTIVE).get(5, TimeUnit.SECONDS);
    eks.deleteCluster(r -> r.name("orders"));
    Instant gone = pollUntilGone(scheduler, "orders").get(5, TimeUnit.SECONDS);

    assertThat(Duration.between(VirtualTime.DEFAULT_START, active))
        .isBetween(Duration.ofMinutes(7), Duration.ofMinutes(34));
    assertThat(gone).isAfter(active);
    assertThat(Duration.ofNanos(System.nanoTime() - wallStart)).isLessThan(Duration.ofSeconds(1));
    assertThat(aws.calls().count("CreateCluster")).isEqualTo(1);
  }

  private CompletableFuture<Instant> pollUntil(
      ScheduledExecutorService scheduler, String name, ClusterStatus wanted) {
    CompletableFuture<Instant> done = new CompletableFuture<>();
    Runnable poll =
        new Runnable() {
          @Override
          public void run() {
            if (describe(name).status() == wanted) {
              done.complete(aws.time().now());
            } else {
              scheduler.schedule(this, 30, TimeUnit.SECONDS);
            }
          }
        };
    scheduler.execute(poll);
    return done;
  }

  private CompletableFuture<Instant> pollUntilGone(
      ScheduledExecutorService scheduler, String name) {
    CompletableFuture<Instant> done = new CompletableFuture<>();
    Runnable poll =
        new Runnable() {
          @Override
          public void run() {
            if (eks.listClusters(r -> {}).clusters().contains(name)) {
              scheduler.schedule(this, 30, TimeUnit.SECONDS);
            } else {
              done.complete(aws.time().now());
            }
          }
        };
    scheduler.execute(poll);
    return done;
  }
}
