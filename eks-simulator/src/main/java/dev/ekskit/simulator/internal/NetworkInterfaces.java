package dev.ekskit.simulator.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.NetworkInterfaceStatus;
import software.amazon.awssdk.services.ec2.model.NetworkInterfaceType;
import software.amazon.awssdk.services.ec2.model.Subnet;

/**
 * The network interfaces AWS puts in a VPC's subnets for its services: EKS's control-plane
 * interfaces in a cluster's subnets, a NAT gateway's own, a load balancer's. Each is {@code in-use}
 * while its owner lives; when the owner goes, EKS's are left {@code available} until someone
 * deletes them (they then block deleting their subnet and security groups, as lingering interfaces
 * do), a NAT gateway's and a load balancer's linger a while longer in use and then vanish. States
 * follow from virtual now.
 */
public final class NetworkInterfaces {
  private static final class Eni {
    final String id;
    final String owner;
    final Subnet subnet;
    final List<GroupIdentifier> groups;
    final String description;
    final NetworkInterfaceType type;
    final String privateIp;
    final String requesterId;
    Instant releasedAt;
    boolean vanishes;

    Eni(
        String id,
        String owner,
        Subnet subnet,
        List<GroupIdentifier> groups,
        String description,
        NetworkInterfaceType type,
        String privateIp,
        String requesterId) {
      this.id = id;
      this.owner = owner;
      this.subnet = subnet;
      this.groups = List.copyOf(groups);
      this.description = description;
      this.type = type;
      this.privateIp = privateIp;
      this.requesterId = requesterId;
    }

    boolean inUse(Instant now) {
      return releasedAt == null || now.isBefore(releasedAt);
    }

    boolean gone(Instant now) {
      return vanishes && !inUse(now);
    }
  }

  private final Ids ids;
  private final String accountId;
  private final Map<String, Eni> byId = new LinkedHashMap<>();
  private int addressesHandedOut;

  NetworkInterfaces(Ids ids, String accountId) {
    this.ids = ids;
    this.accountId = accountId;
  }

  /** An in-use interface of {@code owner} (a cluster, a NAT gateway id) in {@code subnet}. */
  synchronized String attach(
      String owner,
      Subnet subnet,
      List<GroupIdentifier> groups,
      String description,
      NetworkInterfaceType type) {
    return attach(owner, subnet, groups, description, type, null);
  }

  /**
   * An in-use interface that a service manages for {@code owner}, such as Elastic Load Balancing's
   * ({@code requesterId} "amazon-elb"): requester-managed, as EC2 shows it.
   */
  synchronized String attach(
      String owner,
      Subnet subnet,
      List<GroupIdentifier> groups,
      String description,
      NetworkInterfaceType type,
      String requesterId) {
    String id = "eni-" + ids.hex(17);
    byId.put(
        id,
        new Eni(
            id,
            owner,
            subnet,
            groups,
            description,
            type,
            nextAddress(subnet.cidrBlock()),
            requesterId));
    return id;
  }

  /**
   * From {@code at} on, the interfaces of {@code owner} still in use are free: left {@code
   * available}, or gone when {@code vanish}.
   */
  synchronized void release(String owner, Instant at, boolean vanish) {
    byId.values().stream()
        .filter(eni -> eni.owner.equals(owner) && eni.releasedAt == null)
        .forEach(
            eni -> {
              eni.releasedAt = at;
              eni.vanishes = vanish;
            });
  }

  /** The private address of an interface, for the NAT gateway that owns it. */
  synchronized String addressOf(String id) {
    return byId.get(id).privateIp;
  }

  synchronized List<NetworkInterface> describe(
      List<String> interfaceIds, List<Filter> filters, Instant now) {
    purge(now);
    List<NetworkInterface> found = new ArrayList<>();
    for (String id : interfaceIds) {
      if (!byId.containsKey(id)) {
        throw Errors.ec2(
            400,
            "InvalidNetworkInterfaceID.NotFound",
            "The networkInterface ID '" + id + "' does not exist");
      }
    }
    byId.values().stream()
        .filter(eni -> interfaceIds.isEmpty() || interfaceIds.contains(eni.id))
        .map(eni -> toSdk(eni, now))
        .filter(eni -> Ec2Filter.matches(filters, attributes(eni), List.of()))
        .forEach(found::add);
    return found;
  }

  synchronized void delete(String id, Instant now) {
    purge(now);
    Eni eni = byId.get(id);
    if (eni == null) {
      throw Errors.ec2(
          400,
          "InvalidNetworkInterfaceID.NotFound",
          "The networkInterface ID '" + id + "' does not exist");
    }
    if (eni.inUse(now)) {
      throw Errors.ec2(400, "InvalidNetworkInterface.InUse", "Interface: [" + id + "] in use.");
    }
    byId.remove(id);
  }

  /** Interfaces (in use or left available) that keep {@code subnetId} from being deleted. */
  synchronized List<String> inSubnet(String subnetId, Instant now) {
    purge(now);
    return byId.values().stream()
        .filter(eni -> eni.subnet.subnetId().equals(subnetId))
        .map(eni -> eni.id)
        .toList();
  }

  /** Interfaces that keep security group {@code groupId} from being deleted. */
  synchronized List<String> usingGroup(String groupId, Instant now) {
    purge(now);
    return byId.values().stream()
        .filter(eni -> eni.groups.stream().anyMatch(g -> g.groupId().equals(groupId)))
        .map(eni -> eni.id)
        .toList();
  }

  private void purge(Instant now) {
    byId.values().removeIf(eni -> eni.gone(now));
  }

  private NetworkInterface toSdk(Eni eni, Instant now) {
    return NetworkInterface.builder()
        .networkInterfaceId(eni.id)
        .subnetId(eni.subnet.subnetId())
        .vpcId(eni.subnet.vpcId())
        .availabilityZone(eni.subnet.availabilityZone())
        .description(eni.description)
        .groups(eni.groups)
        .interfaceType(eni.type)
        .ownerId(accountId)
        .privateIpAddress(eni.privateIp)
        .requesterManaged(eni.type == NetworkInterfaceType.NAT_GATEWAY || eni.requesterId != null)
        .requesterId(eni.requesterId)
        .status(eni.inUse(now) ? NetworkInterfaceStatus.IN_USE : NetworkInterfaceStatus.AVAILABLE)
        .build();
  }

  private static Map<String, List<String>> attributes(NetworkInterface eni) {
    return Map.of(
        "network-interface-id", List.of(eni.networkInterfaceId()),
        "subnet-id", List.of(eni.subnetId()),
        "vpc-id", List.of(eni.vpcId()),
        "status", List.of(eni.statusAsString()),
        "interface-type", List.of(eni.interfaceTypeAsString()),
        "description", List.of(eni.description()),
        "requester-id", eni.requesterId() == null ? List.of() : List.of(eni.requesterId()),
        "requester-managed", List.of(String.valueOf(eni.requesterManaged())),
        "group-id", eni.groups().stream().map(GroupIdentifier::groupId).toList());
  }

  /** The next free host address of {@code cidr}, past the 4 that EC2 reserves at its start. */
  private String nextAddress(String cidr) {
    String[] parts = cidr.split("/")[0].split("\\.");
    long base = 0;
    for (String part : parts) {
      base = base << 8 | Integer.parseInt(part);
    }
    long address = base + 4 + ++addressesHandedOut;
    return (address >> 24 & 255)
        + "."
        + (address >> 16 & 255)
        + "."
        + (address >> 8 & 255)
        + "."
        + (address & 255);
  }
}
