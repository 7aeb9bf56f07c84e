package dev.ekskit.simulator.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ec2.model.ConnectivityType;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.GroupIdentifier;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayAddress;
import software.amazon.awssdk.services.ec2.model.NatGatewayState;
import software.amazon.awssdk.services.ec2.model.NetworkInterfaceType;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;

/**
 * Public NAT gateways: {@code pending} for a drawn minute or two, then {@code available} or, when
 * something was wrong at create (no internet gateway on the VPC, an Elastic IP missing or held by
 * another gateway, a test's fault), {@code failed} with EC2's code and message. A delete shows
 * {@code deleting}, then {@code deleted}; its interface lingers in the subnet a while longer.
 * Failed and deleted gateways stay visible for an hour, as in EC2. A client token makes a repeated
 * create return the same gateway.
 */
final class NatGateways {
  private static final Duration VISIBLE_AFTER_END = Duration.ofHours(1);

  private static final class Nat {
    final String id;
    final Subnet subnet;
    final String allocationId;
    final String token;
    final List<Tag> tags;
    final Instant createdAt;
    final Instant settledAt;
    final NetworkFaults.Failure failure;
    final String interfaceId;
    Instant deletedAt;

    Nat(
        String id,
        Subnet subnet,
        String allocationId,
        String token,
        List<Tag> tags,
        Instant createdAt,
        Instant settledAt,
        NetworkFaults.Failure failure,
        String interfaceId) {
      this.id = id;
      this.subnet = subnet;
      this.allocationId = allocationId;
      this.token = token;
      this.tags = List.copyOf(tags);
      this.createdAt = createdAt;
      this.settledAt = settledAt;
      this.failure = failure;
      this.interfaceId = interfaceId;
    }

    NatGatewayState state(Instant now) {
      if (deletedAt != null) {
        return now.isBefore(deletedAt) ? NatGatewayState.DELETING : NatGatewayState.DELETED;
      }
      if (now.isBefore(settledAt)) {
        return NatGatewayState.PENDING;
      }
      return failure != null ? NatGatewayState.FAILED : NatGatewayState.AVAILABLE;
    }

    /** Pending, available or deleting: it holds its address and interface. */
    boolean live(Instant now) {
      NatGatewayState state = state(now);
      return state != NatGatewayState.FAILED && state != NatGatewayState.DELETED;
    }

    Instant endedAt() {
      return deletedAt != null ? deletedAt : failure != null ? settledAt : null;
    }
  }

  private final Ids ids;
  private final Supplier<Instant> clock;
  private final DurationSampler durations;
  private final NetworkFaults faults;
  private final ElasticIps addresses;
  private final NetworkInterfaces interfaces;
  private final Map<String, Nat> byId = new LinkedHashMap<>();

  NatGateways(
      Ids ids,
      Supplier<Instant> clock,
      DurationSampler durations,
      NetworkFaults faults,
      ElasticIps addresses,
      NetworkInterfaces interfaces) {
    this.ids = ids;
    this.clock = clock;
    this.durations = durations;
    this.faults = faults;
    this.addresses = addresses;
    this.interfaces = interfaces;
  }

  /**
   * @param internetGateway whether the subnet's VPC has an internet gateway attached
   */
  NatGateway create(
      Subnet subnet, String allocationId, String token, List<Tag> tags, boolean internetGateway) {
    Instant now = clock.get();
    purge(now);
    if (token != null) {
      for (Nat existing : byId.values()) {
        if (token.equals(existing.token)) {
          if (!existing.subnet.subnetId().equals(subnet.subnetId())
              || !Objects.equals(existing.allocationId, allocationId)) {
            throw Errors.ec2(
                400,
                "IdempotentParameterMismatch",
                "The client token " + token + " was used with other parameters");
          }
          return toSdk(existing, now);
        }
      }
    }
    NetworkFaults.Failure failure = failureAtCreate(subnet, allocationId, internetGateway, now);
    String id = "nat-" + ids.hex(17);
    String interfaceId =
        interfaces.attach(
            id,
            subnet,
            List.<GroupIdentifier>of(),
            "Interface for NAT Gateway " + id,
            NetworkInterfaceType.NAT_GATEWAY);
    Instant settledAt = now.plus(durations.draw(Transition.NAT_GATEWAY_CREATE));
    Nat nat = new Nat(id, subnet, allocationId, token, tags, now, settledAt, failure, interfaceId);
    byId.put(id, nat);
    if (failure == null) {
      addresses.hold(
          allocationId, id, subnet.vpcId(), interfaceId, interfaces.addressOf(interfaceId));
    } else {
      interfaces.release(id, settledAt, true);
    }
    return toSdk(nat, now);
  }

  void delete(String id) {
    Instant now = clock.get();
    purge(now);
    Nat nat = byId.get(id);
    if (nat == null) {
      throw Errors.ec2(400, "NatGatewayNotFound", "The Nat Gateway " + id + " was not found");
    }
    if (nat.deletedAt != null) {
      return;
    }
    if (nat.state(now) == NatGatewayState.FAILED) {
      nat.deletedAt = now;
      return;
    }
    nat.deletedAt = now.plus(durations.draw(Transition.NAT_GATEWAY_DELETE));
    addresses.letGo(id, nat.deletedAt);
    interfaces.release(
        id, nat.deletedAt.plus(durations.draw(Transition.NAT_INTERFACE_LINGER)), true);
  }

  List<NatGateway> describe(List<String> natIds, List<Filter> filters) {
    Instant now = clock.get();
    purge(now);
    for (String id : natIds) {
      if (!byId.containsKey(id)) {
        throw Errors.ec2(400, "NatGatewayNotFound", "The Nat Gateway " + id + " was not found");
      }
    }
    List<NatGateway> found = new ArrayList<>();
    byId.values().stream()
        .filter(nat -> natIds.isEmpty() || natIds.contains(nat.id))
        .map(nat -> toSdk(nat, now))
        .filter(nat -> Ec2Filter.matchesSingle(filters, attributes(nat), nat.tags()))
        .forEach(found::add);
    return found;
  }

  /** Gateways that are not yet deleted (or failed) in {@code vpcId}. */
  List<String> liveIn(String vpcId) {
    Instant now = clock.get();
    return byId.values().stream()
        .filter(nat -> nat.live(now) && nat.subnet.vpcId().equals(vpcId))
        .map(nat -> nat.id)
        .toList();
  }

  boolean exists(String id) {
    purge(clock.get());
    return byId.containsKey(id) && byId.get(id).live(clock.get());
  }

  /** What makes a new gateway fail, as EC2 reports it, or null when nothing does. */
  private NetworkFaults.Failure failureAtCreate(
      Subnet subnet, String allocationId, boolean internetGateway, Instant now) {
    if (!internetGateway) {
      return new NetworkFaults.Failure(
          "Gateway.NotAttached", "Network " + subnet.vpcId() + " has no Internet gateway attached");
    }
    if (allocationId == null || !addresses.exists(allocationId)) {
      return new NetworkFaults.Failure(
          "InvalidAllocationID.NotFound",
          "Elastic IP address " + allocationId + " could not be associated with this NAT gateway");
    }
    if (addresses.held(allocationId, now)) {
      return new NetworkFaults.Failure(
          "Resource.AlreadyAssociated",
          "Elastic IP address " + allocationId + " is already associated");
    }
    return faults.takeNatGatewayFailure().orElse(null);
  }

  private void purge(Instant now) {
    byId.values()
        .removeIf(
            nat -> nat.endedAt() != null && !now.isBefore(nat.endedAt().plus(VISIBLE_AFTER_END)));
  }

  private static Map<String, String> attributes(NatGateway nat) {
    Map<String, String> attributes = new LinkedHashMap<>();
    attributes.put("nat-gateway-id", nat.natGatewayId());
    attributes.put("state", nat.stateAsString());
    attributes.put("subnet-id", nat.subnetId());
    attributes.put("vpc-id", nat.vpcId());
    return attributes;
  }

  private NatGateway toSdk(Nat nat, Instant now) {
    NatGatewayState state = nat.state(now);
    NatGateway.Builder built =
        NatGateway.builder()
            .natGatewayId(nat.id)
            .subnetId(nat.subnet.subnetId())
            .vpcId(nat.subnet.vpcId())
            .connectivityType(ConnectivityType.PUBLIC)
            .state(state)
            .createTime(nat.createdAt)
            .deleteTime(state == NatGatewayState.DELETED ? nat.deletedAt : null)
            .tags(nat.tags);
    if (state == NatGatewayState.FAILED) {
      built.failureCode(nat.failure.code()).failureMessage(nat.failure.message());
    }
    if (nat.failure == null && nat.allocationId != null) {
      built.natGatewayAddresses(
          NatGatewayAddress.builder()
              .allocationId(nat.allocationId)
              .publicIp(
                  addresses.exists(nat.allocationId) ? addresses.publicIp(nat.allocationId) : null)
              .networkInterfaceId(nat.interfaceId)
              .isPrimary(true)
              .build());
    }
    return built.build();
  }
}
