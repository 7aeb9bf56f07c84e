package dev.ekskit.core.internal.blueprint;

import dev.ekskit.core.Steps;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.internal.network.NetworkDeletion;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.Readiness;
import dev.ekskit.core.spi.Scope;
import dev.ekskit.core.spi.StepRetries;
import dev.ekskit.core.spi.Tags;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

/**
 * What Kubernetes controllers leave in a cluster's VPC once its Services and Ingresses are gone
 * without their controllers cleaning up: the AWS Load Balancer Controller's load balancers, target
 * groups and security groups (tagged {@code elbv2.k8s.aws/cluster=<cluster>}), and the in-tree
 * cloud provider's (tagged {@code kubernetes.io/cluster/<cluster>}: network load balancers, and
 * classic ones, seen through their {@code k8s-elb-<name>} security groups). They keep the VPC from
 * being deleted, so a blueprint's delete finds them before it deletes anything.
 */
final class KubernetesLeftovers {
  static final String LOAD_BALANCER_CONTROLLER = "elbv2.k8s.aws/cluster";

  /** The EKS-made cluster security group, which EKS deletes with the cluster. */
  private static final String EKS_CLUSTER_GROUP = "aws:eks:cluster-name";

  private static final String CLASSIC_GROUP_PREFIX = "k8s-elb-";
  private static final int TAGS_PER_CALL = 20;

  /**
   * What was found.
   *
   * @param loadBalancers the v2 load balancers (application, network) by ARN, with their names
   * @param targetGroups their target groups' ARNs
   * @param securityGroups the controllers' security groups by id, with their names
   * @param classicLoadBalancers the names of classic load balancers, which this build cannot delete
   */
  record Found(
      Map<String, String> loadBalancers,
      List<String> targetGroups,
      Map<String, String> securityGroups,
      List<String> classicLoadBalancers) {
    boolean isEmpty() {
      return loadBalancers.isEmpty()
          && targetGroups.isEmpty()
          && securityGroups.isEmpty()
          && classicLoadBalancers.isEmpty();
    }

    /** Each as a person reads it, e.g. {@code load balancer k8s-web-1a2b3c}. */
    List<String> described() {
      List<String> described = new ArrayList<>();
      loadBalancers.values().forEach(name -> described.add("load balancer " + name));
      targetGroups.forEach(arn -> described.add("target group " + arn));
      classicLoadBalancers.forEach(name -> described.add("classic load balancer " + name));
      securityGroups.forEach(
          (id, name) -> described.add("security group " + id + " (" + name + ")"));
      return described;
    }
  }

  private final ElasticLoadBalancingV2Client elb;
  private final Ec2Client ec2;
  private final String cluster;

  KubernetesLeftovers(ElasticLoadBalancingV2Client elb, Ec2Client ec2, String cluster) {
    this.elb = elb;
    this.ec2 = ec2;
    this.cluster = cluster;
  }

  /** Everything the controllers left in {@code vpcId} for the cluster. Blocks; reads only. */
  Found find(String vpcId) {
    List<LoadBalancer> inVpc =
        elb.describeLoadBalancersPaginator(r -> {}).loadBalancers().stream()
            .filter(lb -> vpcId.equals(lb.vpcId()))
            .toList();
    Map<String, String> loadBalancers = new HashMap<>();
    Map<String, List<Tag>> lbTags =
        tags(inVpc.stream().map(LoadBalancer::loadBalancerArn).toList());
    inVpc.stream()
        .filter(lb -> isClusters(lbTags.get(lb.loadBalancerArn())))
        .forEach(lb -> loadBalancers.put(lb.loadBalancerArn(), lb.loadBalancerName()));
    List<TargetGroup> groups =
        elb.describeTargetGroupsPaginator(r -> {}).targetGroups().stream()
            .filter(group -> vpcId.equals(group.vpcId()))
            .toList();
    Map<String, List<Tag>> groupTags =
        tags(groups.stream().map(TargetGroup::targetGroupArn).toList());
    List<String> targetGroups =
        groups.stream()
            .map(TargetGroup::targetGroupArn)
            .filter(arn -> isClusters(groupTags.get(arn)))
            .toList();
    Map<String, String> securityGroups = new HashMap<>();
    List<String> classic = new ArrayList<>();
    for (SecurityGroup group : securityGroups(vpcId)) {
      securityGroups.put(group.groupId(), group.groupName());
      if (group.groupName().startsWith(CLASSIC_GROUP_PREFIX)) {
        classic.add(group.groupName().substring(CLASSIC_GROUP_PREFIX.length()));
      }
    }
    return new Found(loadBalancers, targetGroups, securityGroups, classic);
  }

  /**
   * Deletes what {@link #find} found: the load balancers, then, once EC2 has let go of their
   * network interfaces, the target groups and security groups. Completes with what it deleted.
   */
  CompletableFuture<List<String>> delete(Scope scope, String vpcId, Found found) {
    List<String> deleted = new ArrayList<>();
    return scope
        .sequence(
            List.copyOf(found.loadBalancers().keySet()),
            arn ->
                scope
                    .call(
                        "delete load balancer " + found.loadBalancers().get(arn),
                        () ->
                            AwsErrors.deletedUnlessGone(
                                () -> elb.deleteLoadBalancer(r -> r.loadBalancerArn(arn))))
                    .thenApply(
                        gone ->
                            record(
                                deleted, gone, "load balancer " + found.loadBalancers().get(arn))))
        .thenCompose(
            lbs ->
                scope.await(
                    Steps.waitFor("load balancer interfaces released"),
                    WaitKind.LOAD_BALANCER_INTERFACES_RELEASED,
                    () -> released(vpcId, found.loadBalancers().values())))
        .thenCompose(
            released ->
                scope.sequence(
                    found.targetGroups(),
                    arn ->
                        scope
                            .call(
                                "delete target group",
                                StepRetries.whileBusy(),
                                () ->
                                    AwsErrors.deletedUnlessGone(
                                        () -> elb.deleteTargetGroup(r -> r.targetGroupArn(arn))))
                            .thenApply(gone -> record(deleted, gone, "target group " + arn))))
        .thenCompose(
            groups ->
                scope.sequence(
                    List.copyOf(found.securityGroups().keySet()),
                    id ->
                        scope
                            .call(
                                "delete security group " + id,
                                NetworkDeletion.UNTIL_RELEASED,
                                () ->
                                    AwsErrors.deletedUnlessGone(
                                        () -> ec2.deleteSecurityGroup(r -> r.groupId(id))))
                            .thenApply(gone -> record(deleted, gone, "security group " + id))))
        .thenApply(done -> List.copyOf(deleted));
  }

  /** Ready once no network interface of the deleted load balancers is left in the VPC. */
  private Readiness<Boolean> released(String vpcId, Collection<String> names) {
    long left =
        ec2
            .describeNetworkInterfacesPaginator(
                r -> r.filters(filter("vpc-id", vpcId), filter("requester-id", "amazon-elb")))
            .networkInterfaces()
            .stream()
            .filter(eni -> names.stream().anyMatch(name -> usedBy(eni.description(), name)))
            .count();
    return left == 0 ? Readiness.ready("RELEASED", true) : Readiness.pending(left + " LEFT");
  }

  /** ELBv2 interfaces are described {@code ELB app/<name>/<id>} or {@code ELB net/<name>/<id>}. */
  private static boolean usedBy(String description, String name) {
    return description != null
        && description.matches("ELB (app|net|gwy)/" + Pattern.quote(name) + "/.*");
  }

  private List<SecurityGroup> securityGroups(String vpcId) {
    List<SecurityGroup> found = new ArrayList<>();
    for (String key : List.of(LOAD_BALANCER_CONTROLLER, clusterTag())) {
      ec2
          .describeSecurityGroupsPaginator(
              r -> r.filters(filter("vpc-id", vpcId), filter("tag-key", key)))
          .securityGroups()
          .stream()
          .filter(group -> isControllers(group))
          .filter(group -> found.stream().noneMatch(g -> g.groupId().equals(group.groupId())))
          .forEach(found::add);
    }
    return found;
  }

  /** A controller's group: not EKS's cluster group, not one ekskit made. */
  private boolean isControllers(SecurityGroup group) {
    Map<String, String> tags = new HashMap<>();
    group.tags().forEach(tag -> tags.put(tag.key(), tag.value()));
    return !tags.containsKey(EKS_CLUSTER_GROUP)
        && !Tags.isManagedByEksKit(tags)
        && (cluster.equals(tags.get(LOAD_BALANCER_CONTROLLER)) || tags.containsKey(clusterTag()));
  }

  private boolean isClusters(List<Tag> tags) {
    return tags != null
        && tags.stream()
            .anyMatch(
                tag ->
                    (tag.key().equals(LOAD_BALANCER_CONTROLLER) && cluster.equals(tag.value()))
                        || tag.key().equals(clusterTag()));
  }

  private Map<String, List<Tag>> tags(List<String> arns) {
    Map<String, List<Tag>> tags = new HashMap<>();
    for (int from = 0; from < arns.size(); from += TAGS_PER_CALL) {
      List<String> batch = arns.subList(from, Math.min(arns.size(), from + TAGS_PER_CALL));
      elb.describeTags(r -> r.resourceArns(batch)).tagDescriptions().stream()
          .forEach(described -> tags.put(described.resourceArn(), described.tags()));
    }
    return tags;
  }

  private String clusterTag() {
    return "kubernetes.io/cluster/" + cluster;
  }

  private static Filter filter(String name, String value) {
    return Filter.builder().name(name).values(value).build();
  }

  private static boolean record(List<String> deleted, boolean gone, String what) {
    if (gone) {
      synchronized (deleted) {
        deleted.add(what);
      }
    }
    return gone;
  }
}
