package dev.ekskit.simulator.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.InternetGatewayAttachment;
import software.amazon.awssdk.services.ec2.model.Tag;

/** Internet gateways: each attached to at most one VPC, deletable only once detached. */
final class InternetGateways {
  private static final class Gateway {
    final String id;
    final List<Tag> tags;
    String vpcId;

    Gateway(String id, List<Tag> tags) {
      this.id = id;
      this.tags = List.copyOf(tags);
    }
  }

  private final Ids ids;
  private final String accountId;
  private final Map<String, Gateway> byId = new LinkedHashMap<>();

  InternetGateways(Ids ids, String accountId) {
    this.ids = ids;
    this.accountId = accountId;
  }

  InternetGateway create(List<Tag> tags) {
    Gateway gateway = new Gateway("igw-" + ids.hex(17), tags);
    byId.put(gateway.id, gateway);
    return toSdk(gateway);
  }

  void attach(String id, String vpcId) {
    Gateway gateway = require(id);
    if (gateway.vpcId != null) {
      throw Errors.ec2(
          400,
          "Resource.AlreadyAssociated",
          "resource " + id + " is already attached to network " + gateway.vpcId);
    }
    gateway.vpcId = vpcId;
  }

  void detach(String id, String vpcId) {
    Gateway gateway = require(id);
    if (!vpcId.equals(gateway.vpcId)) {
      throw Errors.ec2(
          400, "Gateway.NotAttached", "resource " + id + " is not attached to network " + vpcId);
    }
    gateway.vpcId = null;
  }

  void delete(String id) {
    Gateway gateway = require(id);
    if (gateway.vpcId != null) {
      throw Errors.ec2(
          400,
          "DependencyViolation",
          "The internetGateway '" + id + "' has dependencies and cannot be deleted.");
    }
    byId.remove(id);
  }

  /** The gateway attached to {@code vpcId}, if any. */
  Optional<String> attachedTo(String vpcId) {
    return byId.values().stream()
        .filter(gateway -> vpcId.equals(gateway.vpcId))
        .map(gateway -> gateway.id)
        .findFirst();
  }

  boolean exists(String id) {
    return byId.containsKey(id);
  }

  List<InternetGateway> describe(List<String> gatewayIds, List<Filter> filters) {
    gatewayIds.forEach(this::require);
    List<InternetGateway> found = new ArrayList<>();
    byId.values().stream()
        .filter(gateway -> gatewayIds.isEmpty() || gatewayIds.contains(gateway.id))
        .filter(gateway -> Ec2Filter.matchesSingle(filters, attributes(gateway), gateway.tags))
        .forEach(gateway -> found.add(toSdk(gateway)));
    return found;
  }

  private static Map<String, String> attributes(Gateway gateway) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("internet-gateway-id", gateway.id);
    attributes.put("attachment.vpc-id", gateway.vpcId);
    attributes.put("attachment.state", gateway.vpcId == null ? null : "available");
    return attributes;
  }

  private Gateway require(String id) {
    Gateway gateway = byId.get(id);
    if (gateway == null) {
      throw Errors.ec2(
          400,
          "InvalidInternetGatewayID.NotFound",
          "The internetGateway ID '" + id + "' does not exist");
    }
    return gateway;
  }

  private InternetGateway toSdk(Gateway gateway) {
    return InternetGateway.builder()
        .internetGatewayId(gateway.id)
        .ownerId(accountId)
        .tags(gateway.tags)
        .attachments(
            gateway.vpcId == null
                ? List.of()
                : List.of(
                    InternetGatewayAttachment.builder()
                        .vpcId(gateway.vpcId)
                        .state("available") // EC2's word for an attached gateway
                        .build()))
        .build();
  }
}
