package dev.ekskit.simulator.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.IntStream;
import software.amazon.awssdk.services.ec2.model.AvailabilityZone;
import software.amazon.awssdk.services.ec2.model.AvailabilityZoneState;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.NetworkInterfaceType;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.SubnetState;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.TagSpecification;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcState;

/**
 * VPCs, subnets, security groups, availability zones and the interfaces AWS services put in them,
 * of one simulated region.
 */
public final class Ec2Network {
  private static final int ZONES_PER_REGION = 6;

  private final String region;
  private final String accountId;
  private final Ids ids;
  private final List<AvailabilityZone> zones;
  private final Map<String, Vpc> vpcs = new LinkedHashMap<>();
  private final Map<String, Subnet> subnets = new LinkedHashMap<>();
  private final Map<String, SecurityGroup> securityGroups = new LinkedHashMap<>();
  private final NetworkInterfaces interfaces;

  public Ec2Network(String region, String accountId, Ids ids) {
    this.region = region;
    this.accountId = accountId;
    this.ids = ids;
    this.interfaces = new NetworkInterfaces(ids, accountId);
    String zoneIdPrefix = zoneIdPrefix(region);
    this.zones =
        IntStream.range(0, ZONES_PER_REGION)
            .mapToObj(
                i ->
                    AvailabilityZone.builder()
                        .regionName(region)
                        .zoneName(region + (char) ('a' + i))
                        .zoneId(zoneIdPrefix + "-az" + (i + 1))
                        .zoneType("availability-zone")
                        .groupName(region)
                        .networkBorderGroup(region)
                        .state(AvailabilityZoneState.AVAILABLE)
                        .build())
            .toList();
  }

  public List<AvailabilityZone> zones(Collection<String> names) {
    return zones(names, List.of());
  }

  public List<AvailabilityZone> zones(Collection<String> names, List<Filter> filters) {
    return zones.stream()
        .filter(zone -> names.isEmpty() || names.contains(zone.zoneName()))
        .filter(
            zone ->
                Ec2Filter.matchesSingle(
                    filters,
                    Map.of(
                        "zone-name", zone.zoneName(),
                        "zone-id", zone.zoneId(),
                        "zone-type", zone.zoneType(),
                        "state", zone.stateAsString(),
                        "region-name", zone.regionName()),
                    List.of()))
        .toList();
  }

  public Vpc createVpc(String cidrBlock, List<TagSpecification> tagSpecs) {
    Vpc vpc =
        Vpc.builder()
            .vpcId("vpc-" + ids.hex(17))
            .cidrBlock(cidrBlock)
            .state(VpcState.AVAILABLE)
            .ownerId(accountId)
            .isDefault(false)
            .dhcpOptionsId("dopt-" + ids.hex(17))
            .tags(tags(tagSpecs))
            .build();
    vpcs.put(vpc.vpcId(), vpc);
    return vpc;
  }

  public Subnet createSubnet(
      String vpcId, String cidrBlock, String zoneName, List<TagSpecification> tagSpecs) {
    requireVpc(vpcId);
    String zone = zoneName == null ? zones.get(0).zoneName() : zoneName;
    AvailabilityZone az =
        zones.stream()
            .filter(z -> z.zoneName().equals(zone))
            .findFirst()
            .orElseThrow(
                () ->
                    Errors.ec2(
                        400,
                        "InvalidParameterValue",
                        "Value ("
                            + zone
                            + ") for parameter availabilityZone is invalid. Subnets can currently"
                            + " only be created in the following availability zones: "
                            + zones.stream().map(AvailabilityZone::zoneName).toList()));
    String id = "subnet-" + ids.hex(17);
    Subnet subnet =
        Subnet.builder()
            .subnetId(id)
            .vpcId(vpcId)
            .cidrBlock(cidrBlock)
            .availabilityZone(az.zoneName())
            .availabilityZoneId(az.zoneId())
            .state(SubnetState.AVAILABLE)
            .availableIpAddressCount(4091)
            .mapPublicIpOnLaunch(false)
            .defaultForAz(false)
            .ownerId(accountId)
            .subnetArn("arn:aws:ec2:" + region + ":" + accountId + ":subnet/" + id)
            .tags(tags(tagSpecs))
            .build();
    subnets.put(id, subnet);
    return subnet;
  }

  public SecurityGroup createSecurityGroup(
      String vpcId, String name, String description, List<TagSpecification> tagSpecs) {
    requireVpc(vpcId);
    boolean duplicate =
        securityGroups.values().stream()
            .anyMatch(sg -> sg.vpcId().equals(vpcId) && sg.groupName().equals(name));
    if (duplicate) {
      throw Errors.ec2(
          400,
          "InvalidGroup.Duplicate",
          "The security group '" + name + "' already exists for VPC '" + vpcId + "'");
    }
    String id = "sg-" + ids.hex(17);
    SecurityGroup group =
        SecurityGroup.builder()
            .groupId(id)
            .groupName(name)
            .description(description)
            .vpcId(vpcId)
            .ownerId(accountId)
            .tags(tags(tagSpecs))
            .securityGroupArn("arn:aws:ec2:" + region + ":" + accountId + ":security-group/" + id)
            .build();
    securityGroups.put(id, group);
    return group;
  }

  public List<Subnet> subnets(List<String> subnetIds, List<Filter> filters) {
    List<Subnet> found = byIds(subnets, subnetIds, "InvalidSubnetID.NotFound", "subnet ID");
    return found.stream()
        .filter(
            s ->
                Ec2Filter.matchesSingle(
                    filters,
                    Map.of(
                        "vpc-id",
                        s.vpcId(),
                        "subnet-id",
                        s.subnetId(),
                        "availability-zone",
                        s.availabilityZone(),
                        "cidr-block",
                        s.cidrBlock()),
                    s.tags()))
        .toList();
  }

  public List<Vpc> vpcs(List<String> vpcIds, List<Filter> filters) {
    return byIds(vpcs, vpcIds, "InvalidVpcID.NotFound", "vpc ID").stream()
        .filter(v -> Ec2Filter.matchesSingle(filters, Map.of("vpc-id", v.vpcId()), v.tags()))
        .toList();
  }

  public List<SecurityGroup> securityGroups(
      List<String> groupIds, List<String> names, List<Filter> filters) {
    return byIds(securityGroups, groupIds, "InvalidGroup.NotFound", "security group").stream()
        .filter(g -> names.isEmpty() || names.contains(g.groupName()))
        .filter(
            g ->
                Ec2Filter.matchesSingle(
                    filters,
                    Map.of(
                        "vpc-id", g.vpcId(), "group-id", g.groupId(), "group-name", g.groupName()),
                    g.tags()))
        .toList();
  }

  public Optional<Subnet> subnet(String subnetId) {
    return Optional.ofNullable(subnets.get(subnetId));
  }

  public boolean hasSecurityGroup(String groupId) {
    return securityGroups.containsKey(groupId);
  }

  public Optional<Vpc> vpc(String vpcId) {
    return Optional.ofNullable(vpcs.get(vpcId));
  }

  public Optional<SecurityGroup> securityGroup(String groupId) {
    return Optional.ofNullable(securityGroups.get(groupId));
  }

  /** The interfaces AWS services put in the subnets. */
  public NetworkInterfaces interfaces() {
    return interfaces;
  }

  /** Replaces a stored subnet or security group with a changed copy (same id). */
  void replace(Subnet subnet) {
    subnets.put(subnet.subnetId(), subnet);
  }

  void replace(SecurityGroup group) {
    securityGroups.put(group.groupId(), group);
  }

  /** Forgets a VPC, subnet or security group whose delete the caller has checked. */
  void removeVpc(String vpcId) {
    vpcs.remove(vpcId);
  }

  void removeSubnet(String subnetId) {
    subnets.remove(subnetId);
  }

  void removeSecurityGroup(String groupId) {
    securityGroups.remove(groupId);
  }

  /**
   * EKS's control-plane interfaces for {@code cluster}: one in each of its first two subnets, with
   * the cluster's security groups, in use until the cluster is gone.
   */
  void attachControlPlane(String cluster, List<String> subnetIds, List<String> groupIds) {
    List<GroupIdentifier> groups =
        groupIds.stream()
            .map(
                id ->
                    GroupIdentifier.builder()
                        .groupId(id)
                        .groupName(
                            securityGroup(id)
                                .map(SecurityGroup::groupName)
                                .orElse("eks-cluster-sg-" + cluster))
                        .build())
            .toList();
    subnetIds.stream()
        .limit(2)
        .map(subnets::get)
        .forEach(
            subnet ->
                interfaces.attach(
                    "eks:" + cluster,
                    subnet,
                    groups,
                    "Amazon EKS " + cluster,
                    NetworkInterfaceType.INTERFACE));
  }

  /** From {@code at} on (the cluster is gone), its interfaces are left available, not deleted. */
  void releaseControlPlane(String cluster, Instant at) {
    interfaces.release("eks:" + cluster, at, false);
  }

  private void requireVpc(String vpcId) {
    if (vpcId == null || !vpcs.containsKey(vpcId)) {
      throw Errors.ec2(400, "InvalidVpcID.NotFound", "The vpc ID '" + vpcId + "' does not exist");
    }
  }

  private static <T> List<T> byIds(
      Map<String, T> all, List<String> ids, String errorCode, String what) {
    if (ids.isEmpty()) {
      return new ArrayList<>(all.values());
    }
    List<T> found = new ArrayList<>();
    for (String id : ids) {
      T item = all.get(id);
      if (item == null) {
        throw Errors.ec2(400, errorCode, "The " + what + " '" + id + "' does not exist");
      }
      found.add(item);
    }
    return found;
  }

  private static List<Tag> tags(List<TagSpecification> tagSpecs) {
    return tagSpecs.stream().flatMap(spec -> spec.tags().stream()).toList();
  }

  /** "us-east-1" becomes "use1", as in the zone id "use1-az1". */
  private static String zoneIdPrefix(String region) {
    Function<String, String> first = part -> part.isEmpty() ? "" : part.substring(0, 1);
    String[] parts = region.split("-");
    return parts.length == 3 ? parts[0] + first.apply(parts[1]) + parts[2] : region;
  }
}
