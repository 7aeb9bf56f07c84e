package dev.ekskit.core.internal;

import java.time.Duration;
import java.util.List;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Refuses a cluster delete that would leave the instances of ekskit's self-managed node groups
 * running: EKS does not know those groups, and only eks-nodes can delete them. Found through EC2,
 * by the tags the groups give their instances.
 */
final class OrphanedNodesGuard {
  private static final Logger LOG = LoggerFactory.getLogger(OrphanedNodesGuard.class);
  private static final String STEP = "check for self-managed nodes";

  private OrphanedNodesGuard() {}

  /**
   * Throws {@code InvalidSpecException} naming the groups when such instances are running. A caller
   * who may not describe instances cannot have launched any through ekskit either: the delete goes
   * on, and an event and the log say what was not checked.
   *
   * @return true when the check ran, false when it was not allowed
   */
  static boolean check(OperationContext context, Ec2Client ec2) {
    String cluster = context.resource().name();
    List<Instance> instances;
    try {
      instances = running(ec2, cluster);
    } catch (RuntimeException e) {
      if (!AwsErrors.is(e, AwsErrors.Kind.ACCESS_DENIED)) {
        throw e;
      }
      context.observed(context.resource(), STEP, "ACCESS_DENIED", Duration.ZERO, 1);
      LOG.warn(
          "{}: may not describe EC2 instances, so running self-managed nodes, if any, are not"
              + " checked: {}",
          context.resource(),
          AwsErrors.describe(e));
      return false;
    }
    if (instances.isEmpty()) {
      return true;
    }
    TreeSet<String> groups = new TreeSet<>();
    instances.forEach(
        i ->
            i.tags().stream()
                .filter(t -> Tags.NODEGROUP.equals(t.key()))
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
                + " made by ekskit, which EKS would leave behind: keep a Nodegroups (eks-nodes)"
                + " open for this kit so that the delete removes them, or delete them first with"
                + " nodegroups.selfManaged().delete(...). Nothing was deleted")
        .throwIfAny();
    return true;
  }

  private static List<Instance> running(Ec2Client ec2, String cluster) {
    return ec2
        .describeInstancesPaginator(
            r ->
                r.filters(
                    f -> f.name("tag-key").values(Tags.NODEGROUP),
                    f -> f.name("tag:kubernetes.io/cluster/" + cluster).values("owned"),
                    f ->
                        f.name("instance-state-name")
                            .values("pending", "running", "stopping", "stopped")))
        .reservations()
        .stream()
        .flatMap(reservation -> reservation.instances().stream())
        .toList();
  }
}
