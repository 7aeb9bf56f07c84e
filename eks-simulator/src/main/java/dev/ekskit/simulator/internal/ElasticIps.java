package dev.ekskit.simulator.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.DomainType;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Elastic IP addresses of the VPC domain. A NAT gateway holds its address from its create until it
 * is deleted (or has failed); a held address cannot be released, and keeps its VPC's internet
 * gateway from being detached.
 */
final class ElasticIps {
  private static final long FIRST_ADDRESS = (198L << 24) | (51L << 16) | (100L << 8);

  private static final class Eip {
    final String id;
    final String publicIp;
    final List<Tag> tags;
    String holder;
    String vpcId;
    String interfaceId;
    String privateIp;
    String associationId;
    Instant heldUntil;

    Eip(String id, String publicIp, List<Tag> tags) {
      this.id = id;
      this.publicIp = publicIp;
      this.tags = List.copyOf(tags);
    }

    boolean held(Instant now) {
      return holder != null && (heldUntil == null || now.isBefore(heldUntil));
    }
  }

  private final Ids ids;
  private final String region;
  private final Map<String, Eip> byId = new LinkedHashMap<>();
  private long allocated;

  ElasticIps(Ids ids, String region) {
    this.ids = ids;
    this.region = region;
  }

  Address allocate(List<Tag> tags) {
    long address = FIRST_ADDRESS + ++allocated;
    Eip eip =
        new Eip(
            "eipalloc-" + ids.hex(17),
            (address >> 24 & 255)
                + "."
                + (address >> 16 & 255)
                + "."
                + (address >> 8 & 255)
                + "."
                + (address & 255),
            tags);
    byId.put(eip.id, eip);
    return toSdk(eip, null);
  }

  boolean exists(String allocationId) {
    return byId.containsKey(allocationId);
  }

  boolean held(String allocationId, Instant now) {
    return byId.containsKey(allocationId) && byId.get(allocationId).held(now);
  }

  String publicIp(String allocationId) {
    return require(allocationId).publicIp;
  }

  /**
   * {@code holder} (a NAT gateway) holds the address through its interface until told otherwise.
   */
  void hold(
      String allocationId, String holder, String vpcId, String interfaceId, String privateIp) {
    Eip eip = require(allocationId);
    eip.holder = holder;
    eip.vpcId = vpcId;
    eip.interfaceId = interfaceId;
    eip.privateIp = privateIp;
    eip.associationId = "eipassoc-" + ids.hex(17);
    eip.heldUntil = null;
  }

  /** {@code holder} lets go of every address it holds at {@code at}. */
  void letGo(String holder, Instant at) {
    byId.values().stream()
        .filter(eip -> holder.equals(eip.holder) && eip.heldUntil == null)
        .forEach(eip -> eip.heldUntil = at);
  }

  /** Whether an address held in {@code vpcId} maps a public address through its gateway. */
  boolean mappedIn(String vpcId, Instant now) {
    return byId.values().stream().anyMatch(eip -> eip.held(now) && vpcId.equals(eip.vpcId));
  }

  void release(String allocationId, Instant now) {
    Eip eip = require(allocationId);
    if (eip.held(now)) {
      throw Errors.ec2(
          400,
          "InvalidIPAddress.InUse",
          "Address " + eip.publicIp + " is in use by " + eip.holder + ".");
    }
    byId.remove(allocationId);
  }

  List<Address> describe(List<String> allocationIds, List<Filter> filters, Instant now) {
    allocationIds.forEach(this::require);
    List<Address> found = new ArrayList<>();
    byId.values().stream()
        .filter(eip -> allocationIds.isEmpty() || allocationIds.contains(eip.id))
        .map(eip -> toSdk(eip, now))
        .filter(address -> Ec2Filter.matchesSingle(filters, attributes(address), address.tags()))
        .forEach(found::add);
    return found;
  }

  private static Map<String, String> attributes(Address address) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("allocation-id", address.allocationId());
    attributes.put("public-ip", address.publicIp());
    attributes.put("domain", address.domainAsString());
    attributes.put("association-id", address.associationId());
    attributes.put("network-interface-id", address.networkInterfaceId());
    return attributes;
  }

  private Eip require(String allocationId) {
    Eip eip = byId.get(allocationId);
    if (eip == null) {
      throw Errors.ec2(
          400,
          "InvalidAllocationID.NotFound",
          "The allocation ID '" + allocationId + "' does not exist");
    }
    return eip;
  }

  private Address toSdk(Eip eip, Instant now) {
    boolean held = now != null && eip.held(now);
    return Address.builder()
        .allocationId(eip.id)
        .publicIp(eip.publicIp)
        .domain(DomainType.VPC)
        .networkBorderGroup(region)
        .publicIpv4Pool("amazon")
        .tags(eip.tags)
        .associationId(held ? eip.associationId : null)
        .networkInterfaceId(held ? eip.interfaceId : null)
        .privateIpAddress(held ? eip.privateIp : null)
        .build();
  }
}
