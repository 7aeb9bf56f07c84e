package dev.ekskit.nodes.internal;

import dev.ekskit.core.HealthIssue;
import dev.ekskit.core.PollingPolicy;
import dev.ekskit.core.ResourceFailedException;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.Steps;
import dev.ekskit.core.spi.Readiness;
import dev.ekskit.core.spi.Scope;
import dev.ekskit.core.spi.SharedDescribe;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Nodegroup;

/**
 * Waiting for a node group to be ACTIVE. {@code CREATE_FAILED}, {@code DELETING} and {@code
 * DELETE_FAILED} end the wait at once; so does {@code DEGRADED} with health issues, which EKS
 * reports when a condition needs a person (quota, role, subnet) and does not repair by itself.
 */
public final class NodegroupWaits {
  private NodegroupWaits() {}

  public static CompletableFuture<Nodegroup> active(
      Scope scope, EksClient eks, String cluster, String name, PollingPolicy policy) {
    // Every wait on this node group (a create, an update, a blueprint's apply) shares one read.
    SharedDescribe<Nodegroup> describe =
        SharedDescribe.of(
            "eks",
            "nodegroup/" + cluster + "/" + name,
            () ->
                eks.describeNodegroup(r -> r.clusterName(cluster).nodegroupName(name)).nodegroup());
    return scope.await(Steps.WAIT_ACTIVE, policy, describe, NodegroupWaits::readiness);
  }

  static Readiness<Nodegroup> readiness(Nodegroup group) {
    String status = group.statusAsString();
    List<HealthIssue> issues = NodegroupMapping.healthIssues(group);
    boolean finalFailure =
        switch (status) {
          case "CREATE_FAILED", "DELETING", "DELETE_FAILED" -> true;
          case "DEGRADED" -> !issues.isEmpty();
          default -> false;
        };
    if ("ACTIVE".equals(status)) {
      return Readiness.ready(status, group);
    }
    if (finalFailure) {
      return Readiness.failed(
          status,
          new ResourceFailedException(
              ResourceRef.child("nodegroup", group.clusterName(), group.nodegroupName()),
              status,
              issues,
              NodegroupHints.forIssues(issues),
              "DELETING".equals(status)
                  ? ""
                  : deleteCall(group.clusterName(), group.nodegroupName())));
    }
    return Readiness.pending(status);
  }

  public static String deleteCall(String cluster, String name) {
    return "delete it with nodegroups.managed().delete(\"" + cluster + "\", \"" + name + "\")";
  }
}
