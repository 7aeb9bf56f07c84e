package dev.ekskit.core.internal.automode;

import dev.ekskit.core.Steps;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.spi.Readiness;
import dev.ekskit.core.spi.Scope;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;

/**
 * The EC2 managed instances EKS Auto Mode ran for a cluster (tagged {@code eks:eks-cluster-name}),
 * which EKS terminates when the cluster is deleted, sometimes minutes after the cluster itself is
 * gone. A cascade delete waits for them, so that what is removed after the cluster (its VPC, its
 * roles) is no longer in use.
 */
public final class AutoModeNodes {
  static final String CLUSTER_TAG = "eks:eks-cluster-name";

  private AutoModeNodes() {}

  /** Waits until no instance of the cluster is left; one check when there is none. */
  public static CompletableFuture<Integer> awaitGone(Scope scope, Ec2Client ec2, String cluster) {
    return scope.await(
        Steps.waitFor("Auto Mode nodes gone"),
        scope.policy(WaitKind.AUTO_MODE_NODES_GONE).withFirstCheck(Duration.ZERO),
        () -> {
          int left = count(ec2, cluster);
          return left == 0
              ? Readiness.ready("NO_NODES", 0)
              : Readiness.pending(left + (left == 1 ? " node" : " nodes") + " shutting down");
        });
  }

  private static int count(Ec2Client ec2, String cluster) {
    return ec2
        .describeInstancesPaginator(
            r ->
                r.filters(
                    Filter.builder().name("tag:" + CLUSTER_TAG).values(cluster).build(),
                    Filter.builder()
                        .name("instance-state-name")
                        .values("pending", "running", "shutting-down", "stopping", "stopped")
                        .build()))
        .reservations()
        .stream()
        .mapToInt(reservation -> reservation.instances().size())
        .sum();
  }
}
