package dev.ekskit.simulator.internal;

import dev.ekskit.simulator.ClassicLoadBalancerTraces;
import dev.ekskit.simulator.ControllerLoadBalancer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.NetworkInterfaceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.eks.model.VpcConfigResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ActionTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateListenerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateLoadBalancerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateTargetGroupRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Listener;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerSchemeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ProtocolEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetTypeEnum;

/**
 * What controllers running inside a simulated cluster make in its VPC, straight into the simulated
 * state (not recorded as calls): the AWS Load Balancer Controller's load balancers, target groups,
 * listeners and security groups, and the in-tree cloud provider's classic ELB traces. Names are
 * derived from the cluster, namespace and name as the controllers derive them (a hash suffix), so
 * asking twice finds what the first time made, as a reconciling controller does.
 */
final class KubernetesControllers {
  static final String CLUSTER_TAG = "elbv2.k8s.aws/cluster";

  private final ElbWorld elb;
  private final Ec2Network network;
  private final Supplier<Instant> clock;

  KubernetesControllers(ElbWorld elb, Ec2Network network, Supplier<Instant> clock) {
    this.elb = elb;
    this.network = network;
    this.clock = clock;
  }

  /**
   * A network load balancer for a Service ({@code ingress} false, tags {@code service.k8s.aws/*})
   * or an application load balancer for an Ingress ({@code ingress} true, tags {@code
   * ingress.k8s.aws/*}), internal, in one subnet of each zone of the cluster.
   */
  ControllerLoadBalancer loadBalancer(
      String cluster, VpcConfigResponse vpc, String namespace, String name, boolean ingress) {
    String prefix = ingress ? "ingress.k8s.aws/" : "service.k8s.aws/";
    String stack = namespace + "/" + name;
    String resourceName = "k8s-" + trim(namespace, 8) + "-" + trim(name, 8) + "-";
    SecurityGroup backend =
        securityGroup(
            vpc.vpcId(),
            "k8s-traffic-" + trim(cluster, 20) + "-" + hash(cluster, 10),
            "[k8s] Shared Backend SecurityGroup for LoadBalancer",
            Map.of(CLUSTER_TAG, cluster, "elbv2.k8s.aws/resource", "backend-sg"));
    SecurityGroup frontend =
        securityGroup(
            vpc.vpcId(),
            resourceName + hash(cluster + "/" + stack + "/sg", 10),
            "[k8s] Managed SecurityGroup for LoadBalancer",
            stackTags(cluster, prefix, stack, "ManagedLBSecurityGroup"));
    LoadBalancer balancer =
        elb.loadBalancers.create(
            CreateLoadBalancerRequest.builder()
                .name(resourceName + hash(cluster + "/" + stack, 10))
                .type(ingress ? LoadBalancerTypeEnum.APPLICATION : LoadBalancerTypeEnum.NETWORK)
                .scheme(LoadBalancerSchemeEnum.INTERNAL)
                .subnets(oneSubnetPerZone(vpc.subnetIds()))
                .securityGroups(frontend.groupId(), backend.groupId())
                .tags(tags(stackTags(cluster, prefix, stack, "LoadBalancer")))
                .build());
    String port = ingress ? stack + "-" + name + ":80" : stack + ":80";
    ProtocolEnum protocol = ingress ? ProtocolEnum.HTTP : ProtocolEnum.TCP;
    TargetGroup targets =
        elb.targetGroups.create(
            CreateTargetGroupRequest.builder()
                .name(resourceName + hash(cluster + "/" + port, 10))
                .protocol(protocol)
                .port(80)
                .vpcId(vpc.vpcId())
                .targetType(TargetTypeEnum.IP)
                .tags(tags(stackTags(cluster, prefix, stack, port)))
                .build());
    Listener listener =
        elb.createListener(
            CreateListenerRequest.builder()
                .loadBalancerArn(balancer.loadBalancerArn())
                .protocol(protocol)
                .port(80)
                .defaultActions(
                    a -> a.type(ActionTypeEnum.FORWARD).targetGroupArn(targets.targetGroupArn()))
                .build());
    return new ControllerLoadBalancer(
        balancer.loadBalancerArn(),
        balancer.dnsName(),
        targets.targetGroupArn(),
        listener.listenerArn(),
        frontend.groupId(),
        backend.groupId());
  }

  /**
   * The EC2 traces of a classic ELB the in-tree cloud provider made for a Service: its security
   * group and one in-use interface in a subnet of each zone of the cluster.
   */
  ClassicLoadBalancerTraces classicLoadBalancer(
      String cluster, VpcConfigResponse vpc, String namespace, String name) {
    String balancer = "a" + hash(cluster + "/" + namespace + "/" + name, 31);
    String interfaceDescription = "ELB " + balancer;
    SecurityGroup group =
        securityGroup(
            vpc.vpcId(),
            "k8s-elb-" + balancer,
            "Security group for Kubernetes ELB " + balancer + " (" + namespace + "/" + name + ")",
            Map.of("kubernetes.io/cluster/" + cluster, "owned"));
    List<NetworkInterface> existing =
        network
            .interfaces()
            .describe(
                List.of(),
                List.of(Filter.builder().name("description").values(interfaceDescription).build()),
                clock.get());
    List<String> interfaceIds =
        new ArrayList<>(existing.stream().map(NetworkInterface::networkInterfaceId).toList());
    if (interfaceIds.isEmpty()) {
      GroupIdentifier groupId =
          GroupIdentifier.builder().groupId(group.groupId()).groupName(group.groupName()).build();
      for (String subnetId : oneSubnetPerZone(vpc.subnetIds())) {
        Subnet subnet = network.subnet(subnetId).orElseThrow();
        interfaceIds.add(
            network
                .interfaces()
                .attach(
                    "classic-elb:" + balancer,
                    subnet,
                    List.of(groupId),
                    interfaceDescription,
                    NetworkInterfaceType.INTERFACE,
                    "amazon-elb"));
      }
    }
    return new ClassicLoadBalancerTraces(balancer, group.groupId(), interfaceIds);
  }

  /** The security group {@code name} of the VPC, made with these tags unless it is there. */
  private SecurityGroup securityGroup(
      String vpcId, String name, String description, Map<String, String> tags) {
    List<SecurityGroup> found =
        network.securityGroups(
            List.of(),
            List.of(name),
            List.of(Filter.builder().name("vpc-id").values(vpcId).build()));
    if (!found.isEmpty()) {
      return found.get(0);
    }
    return network.createSecurityGroup(
        vpcId,
        name,
        description,
        List.of(
            TagSpecification.builder()
                .resourceType("security-group")
                .tags(
                    tags.entrySet().stream()
                        .map(
                            e ->
                                software.amazon.awssdk.services.ec2.model.Tag.builder()
                                    .key(e.getKey())
                                    .value(e.getValue())
                                    .build())
                        .toList())
                .build()));
  }

  /** The first subnet of each zone, as the controllers pick one subnet a zone. */
  private List<String> oneSubnetPerZone(List<String> subnetIds) {
    Map<String, String> byZone = new LinkedHashMap<>();
    for (String id : subnetIds) {
      network.subnet(id).ifPresent(s -> byZone.putIfAbsent(s.availabilityZone(), s.subnetId()));
    }
    return List.copyOf(byZone.values());
  }

  /** The controller's tags: its cluster, the Service's or Ingress's stack, which resource. */
  private static Map<String, String> stackTags(
      String cluster, String prefix, String stack, String resource) {
    return Map.of(CLUSTER_TAG, cluster, prefix + "stack", stack, prefix + "resource", resource);
  }

  private static List<Tag> tags(Map<String, String> tags) {
    return tags.entrySet().stream()
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
        .toList();
  }

  /** At most {@code length} of the letters and digits of {@code text}. */
  private static String trim(String text, int length) {
    String kept = text.replaceAll("[^a-zA-Z0-9]", "");
    return kept.length() <= length ? kept : kept.substring(0, length);
  }

  /** {@code length} hex digits of a SHA-256 of {@code text}: the same text, the same name. */
  private static String hash(String text, int length) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest).substring(0, length);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }
}
