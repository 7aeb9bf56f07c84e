package dev.ekskit.core.internal;

import dev.ekskit.core.HealthIssue;
import dev.ekskit.core.ResourceFailedException;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.spi.HealthIssues;
import dev.ekskit.core.spi.Hints;
import dev.ekskit.core.spi.Readiness;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.ErrorDetail;
import software.amazon.awssdk.services.eks.model.Update;

/** Which cluster and update states end a wait, and how. Pure functions. */
public final class ClusterReadiness {
  private ClusterReadiness() {}

  /** Waiting for ACTIVE: FAILED and DELETING are final; CREATING, PENDING, UPDATING are not. */
  public static Readiness<Cluster> toActive(Cluster cluster) {
    String status = cluster.statusAsString();
    ResourceRef ref = ResourceRef.cluster(cluster.name());
    List<HealthIssue> issues = ClusterMapping.healthIssues(cluster);
    return switch (status) {
      case "ACTIVE" -> Readiness.ready(status, cluster);
      case "FAILED" ->
          Readiness.failed(
              status,
              new ResourceFailedException(
                  ref,
                  status,
                  issues,
                  Hints.forIssues(issues),
                  "the cluster exists in status FAILED; " + deleteCall(cluster.name())));
      case "DELETING" ->
          Readiness.failed(
              status,
              new ResourceFailedException(
                  ref,
                  status,
                  issues,
                  "the cluster is being deleted, by another process or person",
                  ""));
      default -> Readiness.pending(status);
    };
  }

  /** The cleanup an error offers: the call that removes the cluster and all it holds. */
  static String deleteCall(String clusterName) {
    return "remove it with kit.clusters().delete(\"" + clusterName + "\")";
  }

  /** Waiting for a cluster to disappear: gone is done, anything else is still on its way. */
  public static Readiness<Boolean> toDeleted(Optional<Cluster> cluster) {
    return cluster
        .<Readiness<Boolean>>map(c -> Readiness.pending(c.statusAsString()))
        .orElseGet(() -> Readiness.ready("DELETED", true));
  }

  /**
   * Waiting for an update: Successful is done; Failed and Cancelled end the wait with AWS's errors.
   */
  public static Readiness<Update> toSuccessful(ResourceRef ref, Update update) {
    String status = update.statusAsString();
    return switch (status) {
      case "Successful" -> Readiness.ready(status, update);
      case "Failed", "Cancelled" -> {
        List<HealthIssue> errors =
            HealthIssues.of(
                update.errors(),
                ErrorDetail::errorCodeAsString,
                ErrorDetail::errorMessage,
                ErrorDetail::resourceIds);
        yield Readiness.failed(
            status,
            new ResourceFailedException(
                ref,
                "update " + update.id() + " " + update.typeAsString() + " " + status,
                errors,
                Hints.forIssues(errors),
                "nothing to remove: EKS rolled the update back"));
      }
      default -> Readiness.pending(status);
    };
  }
}
