package dev.ekskit.nodes.internal;

import static dev.ekskit.nodes.internal.Ec2Filters.filter;

import dev.ekskit.core.Steps;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.Scope;
import dev.ekskit.core.spi.Violations;
import java.util.List;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Before a cluster's cascade delete: when the caller may not list Auto Scaling groups, the cascade
 * cannot find self-managed node groups through them, so it refuses, with nothing deleted, while
 * instances of ekskit's groups still run for the cluster (found through EC2 by the tags the groups
 * give their instances). A caller who may not describe instances either cannot be checked: the
 * delete goes on, and an event and the log say so.
 */
final class StrandedNodesGuard {
  private static final Logger LOG = LoggerFactory.getLogger(StrandedNodesGuard.class);
  private static final String STEP = Steps.check("for stranded self-managed nodes");

  private StrandedNodesGuard() {}

  /** True when the check ran (or was not needed), false when it was not allowed. */
  static boolean check(Scope scope, SelfManagedClients aws, String cluster) {
    try {
      AutoScalingGroups.ofCluster(aws.autoScaling(), cluster);
      return true;
    } catch (RuntimeException e) {
      if (!AwsErrors.is(e, AwsErrors.Kind.ACCESS_DENIED)) {
        throw e;
      }
    }
    List<Instance> instances;
    try {
      instances = running(aws, cluster);
    } catch (RuntimeException e) {
      if (!AwsErrors.is(e, AwsErrors.Kind.ACCESS_DENIED)) {
        throw e;
      }
      scope.observed(STEP, "ACCESS_DENIED");
      LOG.warn(
          "cluster {}: may list neither Auto Scaling groups nor EC2 instances, so running"
              + " self-managed nodes, if any, are not checked: {}",
          cluster,
          AwsErrors.describe(e));
      return false;
    }
    if (!instances.isEmpty()) {
      TreeSet<String> groups = new TreeSet<>();
      instances.forEach(
          i ->
              i.tags().stream()
                  .filter(t -> NodeTags.NODEGROUP.equals(t.key()))
                  .map(Tag::value)
                  .forEach(groups::add));
      new Violations("ClusterDeletion")
          .add(
              "clusterName",
              "self-managed-nodes",
              "cluster "
                  + cluster
                  + " still runs "
                  + instances.size()
                  + " instances of self-managed node groups "
                  + groups
                  + " made by ekskit, which this caller may not delete (Auto Scaling access is"
                  + " denied) and EKS would leave behind: allow"
                  + " autoscaling:DescribeAutoScalingGroups and autoscaling:DeleteAutoScalingGroup,"
                  + " or delete them first. Nothing was deleted")
          .throwIfAny();
    }
    return true;
  }

  private static List<Instance> running(SelfManagedClients aws, String cluster) {
    return aws
        .ec2()
        .describeInstancesPaginator(
            r ->
                r.filters(
                    filter("tag-key", NodeTags.NODEGROUP),
                    filter("tag:kubernetes.io/cluster/" + cluster, "owned"),
                    filter("instance-state-name", "pending", "running", "stopping", "stopped")))
        .reservations()
        .stream()
        .flatMap(reservation -> reservation.instances().stream())
        .toList();
  }
}
