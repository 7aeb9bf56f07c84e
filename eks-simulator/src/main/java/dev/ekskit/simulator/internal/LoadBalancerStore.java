package dev.ekskit.simulator.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.NetworkInterfaceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.AvailabilityZone;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.CreateLoadBalancerRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateLoadBalancerNameException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.InvalidSecurityGroupException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.IpAddressType;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerSchemeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerStateEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SubnetMapping;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SubnetNotFoundException;

/**
 * Application and network load balancers. A create with a name already taken answers with that load
 * balancer when its settings are the same (Elastic Load Balancing's creates are idempotent), {@code
 * DuplicateLoadBalancerName} otherwise. A new one is provisioning for a drawn few minutes, then
 * active, and has a network interface in each of its subnets (described {@code ELB app/<name>/<id>}
 * or {@code ELB net/<name>/<id>}, requester {@code amazon-elb}, with its security groups). A delete
 * takes it (and its listeners) away at once; its interfaces linger a drawn while, still keeping
 * their subnets and security groups from being deleted, then vanish. Deleting one that is not there
 * succeeds, as in AWS.
 */
final class LoadBalancerStore {
  private static final String NAME = "[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,30}[a-zA-Z0-9])?";

  /** One load balancer, and what its create asked, to tell a repeat from a conflict. */
  record Balancer(LoadBalancer view, Instant activeAt, Settings settings) {}

  /** What makes two creates of one name the same request. */
  private record Settings(
      String type, String scheme, Set<String> subnets, Set<String> groups, String ipAddressType) {}

  private final String arnPrefix;
  private final Ids ids;
  private final Supplier<Instant> clock;
  private final DurationSampler durations;
  private final Ec2Network network;
  private final ElbTags tags;
  private final Map<String, Balancer> byArn = new LinkedHashMap<>();

  LoadBalancerStore(
      String region,
      String accountId,
      Ids ids,
      Supplier<Instant> clock,
      DurationSampler durations,
      Ec2Network network,
      ElbTags tags) {
    this.arnPrefix = "arn:aws:elasticloadbalancing:" + region + ":" + accountId + ":";
    this.ids = ids;
    this.clock = clock;
    this.durations = durations;
    this.network = network;
    this.tags = tags;
  }

  LoadBalancer create(CreateLoadBalancerRequest request) {
    String name = request.name();
    if (name == null || !name.matches(NAME) || name.startsWith("internal-")) {
      throw ElbErrors.validation(
          "A load balancer name has 1 to 32 letters, digits and hyphens, neither starts nor ends"
              + " with a hyphen, and does not start with 'internal-': "
              + name);
    }
    LoadBalancerTypeEnum type =
        request.type() == null ? LoadBalancerTypeEnum.APPLICATION : request.type();
    if (type != LoadBalancerTypeEnum.APPLICATION && type != LoadBalancerTypeEnum.NETWORK) {
      throw ElbErrors.invalidConfiguration(
          "The simulated Elastic Load Balancing models application and network load balancers,"
              + " not "
              + request.typeAsString());
    }
    List<Subnet> subnets = subnets(request, type);
    String vpcId = subnets.get(0).vpcId();
    List<SecurityGroup> groups = securityGroups(request.securityGroups(), vpcId);
    Settings settings =
        new Settings(
            type.toString(),
            Objects.requireNonNullElse(
                request.schemeAsString(), LoadBalancerSchemeEnum.INTERNET_FACING.toString()),
            new HashSet<>(subnets.stream().map(Subnet::subnetId).toList()),
            new HashSet<>(request.securityGroups()),
            Objects.requireNonNullElse(
                request.ipAddressTypeAsString(), IpAddressType.IPV4.toString()));
    Balancer existing = byName(name);
    if (existing != null) {
      if (existing.settings().equals(settings)) {
        return view(existing);
      }
      throw Errors.elbv2(
          DuplicateLoadBalancerNameException.builder(),
          400,
          "DuplicateLoadBalancerName",
          "A load balancer with the same name '" + name + "' exists, but with different settings");
    }
    ElbTags.requireValid(request.tags());
    Balancer created = balancer(name, type, settings, subnets, vpcId, groups);
    byArn.put(created.view().loadBalancerArn(), created);
    tags.register(created.view().loadBalancerArn(), request.tags());
    return view(created);
  }

  /** Every load balancer, or those named by ARN or name (each must exist), oldest first. */
  List<LoadBalancer> describe(List<String> arns, List<String> names) {
    if (!arns.isEmpty() && !names.isEmpty()) {
      throw ElbErrors.validation("Specify load balancer ARNs or names, not both");
    }
    if (arns.size() > 20 || names.size() > 20) {
      throw ElbErrors.validation("At most 20 load balancer ARNs or names can be described at once");
    }
    List<LoadBalancer> found = new ArrayList<>();
    for (String arn : arns) {
      found.add(view(require(arn)));
    }
    for (String name : names) {
      Balancer balancer = byName(name);
      if (balancer == null) {
        throw ElbErrors.loadBalancerNotFound();
      }
      found.add(view(balancer));
    }
    if (arns.isEmpty() && names.isEmpty()) {
      byArn.values().forEach(b -> found.add(view(b)));
    }
    return found;
  }

  /** Removes it at once; a load balancer that is not there is no error. */
  void delete(String arn) {
    Balancer gone = byArn.remove(arn);
    if (gone != null) {
      tags.unregister(arn);
      network
          .interfaces()
          .release(
              owner(arn),
              clock.get().plus(durations.draw(Transition.LOAD_BALANCER_INTERFACE_LINGER)),
              true);
    }
  }

  Balancer require(String arn) {
    Balancer balancer = byArn.get(arn);
    if (balancer == null) {
      throw ElbErrors.loadBalancerNotFound();
    }
    return balancer;
  }

  boolean exists(String arn) {
    return byArn.containsKey(arn);
  }

  /** The prefix of every ARN of this account and region: "arn:aws:elasticloadbalancing:...:". */
  String arnPrefix() {
    return arnPrefix;
  }

  private Balancer byName(String name) {
    return byArn.values().stream()
        .filter(b -> b.view().loadBalancerName().equals(name))
        .findFirst()
        .orElse(null);
  }

  private Balancer balancer(
      String name,
      LoadBalancerTypeEnum type,
      Settings settings,
      List<Subnet> subnets,
      String vpcId,
      List<SecurityGroup> groups) {
    String id = ids.hex(16);
    String kind = type == LoadBalancerTypeEnum.APPLICATION ? "app" : "net";
    String arn = arnPrefix + "loadbalancer/" + kind + "/" + name + "/" + id;
    boolean internal = LoadBalancerSchemeEnum.INTERNAL.toString().equals(settings.scheme());
    String dnsName =
        type == LoadBalancerTypeEnum.APPLICATION
            ? (internal ? "internal-" : "")
                + name
                + "-"
                + Long.parseLong(id.substring(0, 8), 16)
                + "."
                + region()
                + ".elb.amazonaws.com"
            : name + "-" + id + ".elb." + region() + ".amazonaws.com";
    List<GroupIdentifier> interfaceGroups =
        groups.stream()
            .map(
                g ->
                    GroupIdentifier.builder().groupId(g.groupId()).groupName(g.groupName()).build())
            .toList();
    subnets.forEach(
        subnet ->
            network
                .interfaces()
                .attach(
                    owner(arn),
                    subnet,
                    interfaceGroups,
                    "ELB " + kind + "/" + name + "/" + id,
                    NetworkInterfaceType.INTERFACE,
                    "amazon-elb"));
    Instant now = clock.get();
    LoadBalancer view =
        LoadBalancer.builder()
            .loadBalancerArn(arn)
            .loadBalancerName(name)
            .dnsName(dnsName)
            .createdTime(now)
            .scheme(settings.scheme())
            .vpcId(vpcId)
            .type(type)
            .availabilityZones(
                subnets.stream()
                    .map(
                        s ->
                            AvailabilityZone.builder()
                                .zoneName(s.availabilityZone())
                                .subnetId(s.subnetId())
                                .build())
                    .toList())
            .securityGroups(groups.stream().map(SecurityGroup::groupId).toList())
            .ipAddressType(settings.ipAddressType())
            .build();
    return new Balancer(view, now.plus(durations.draw(Transition.LOAD_BALANCER_CREATE)), settings);
  }

  private LoadBalancer view(Balancer balancer) {
    LoadBalancerStateEnum state =
        clock.get().isBefore(balancer.activeAt())
            ? LoadBalancerStateEnum.PROVISIONING
            : LoadBalancerStateEnum.ACTIVE;
    return balancer.view().toBuilder().state(s -> s.code(state)).build();
  }

  /**
   * The request's subnets (or subnet mappings), each existing, in one VPC, one a zone; an
   * application load balancer needs two zones at least.
   */
  private List<Subnet> subnets(CreateLoadBalancerRequest request, LoadBalancerTypeEnum type) {
    List<String> ids =
        request.hasSubnetMappings()
            ? request.subnetMappings().stream().map(SubnetMapping::subnetId).toList()
            : request.subnets();
    if (ids.isEmpty()) {
      throw ElbErrors.validation("A load balancer needs subnets or subnet mappings");
    }
    List<Subnet> subnets = new ArrayList<>();
    for (String id : ids) {
      subnets.add(
          network
              .subnet(id)
              .orElseThrow(
                  () ->
                      Errors.elbv2(
                          SubnetNotFoundException.builder(),
                          400,
                          "SubnetNotFound",
                          "The subnet ID '" + id + "' is not valid")));
    }
    if (subnets.stream().map(Subnet::vpcId).distinct().count() > 1) {
      throw ElbErrors.invalidConfiguration(
          "The subnets of a load balancer must all be in the same VPC");
    }
    long zones = subnets.stream().map(Subnet::availabilityZone).distinct().count();
    if (zones < subnets.size()) {
      throw ElbErrors.invalidConfiguration(
          "A load balancer cannot be attached to multiple subnets in the same Availability Zone");
    }
    if (type == LoadBalancerTypeEnum.APPLICATION && zones < 2) {
      throw ElbErrors.invalidConfiguration(
          "At least two subnets in two different Availability Zones must be specified");
    }
    return subnets;
  }

  private List<SecurityGroup> securityGroups(List<String> groupIds, String vpcId) {
    List<SecurityGroup> groups = new ArrayList<>();
    for (String id : groupIds) {
      SecurityGroup group =
          network
              .securityGroup(id)
              .filter(g -> g.vpcId().equals(vpcId))
              .orElseThrow(
                  () ->
                      Errors.elbv2(
                          InvalidSecurityGroupException.builder(),
                          400,
                          "InvalidSecurityGroup",
                          "One or more security groups are invalid: " + id));
      groups.add(group);
    }
    return groups;
  }

  private String region() {
    return arnPrefix.split(":")[3];
  }

  /** Whose interfaces they are, as {@link NetworkInterfaces} tells owners apart. */
  private static String owner(String loadBalancerArn) {
    return "elb:" + loadBalancerArn;
  }
}
