package dev.ekskit.core.internal.network;

import static dev.ekskit.core.internal.network.NetworkTags.filter;

import dev.ekskit.core.NetworkInUseException;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.RetrySettings;
import dev.ekskit.core.Steps;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.Deletion;
import dev.ekskit.core.spi.Scope;
import dev.ekskit.core.spi.StepRetries;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Address;
import software.amazon.awssdk.services.ec2.model.InternetGateway;
import software.amazon.awssdk.services.ec2.model.InternetGatewayAttachment;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayAddress;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.NetworkInterfaceType;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.ec2.model.RouteTableAssociation;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.Tag;
import software.amazon.awssdk.services.ec2.model.Vpc;

/**
 * Deletes what ekskit made for a network, each kind found on its own by its tags, in the order EC2
 * allows: NAT gateways (waited until deleted), Elastic IPs, internet gateways, route tables,
 * subnets (sweeping the {@code available} interfaces left in them first), security groups (their
 * rules naming each other revoked first), the VPC. {@code DependencyViolation}, while interfaces
 * linger after NAT gateways and clusters, is retried with backoff. Every step treats "not found" as
 * done, so a delete stopped halfway finishes when run again. Nothing is deleted while something
 * still runs in the network.
 */
public final class NetworkDeletion {
  /**
   * EC2 lets go of interfaces and addresses some time after what used them is gone: 40 tries, 5 s
   * growing to 30 s apart, about 18 minutes in all.
   */
  public static final StepRetries UNTIL_RELEASED =
      StepRetries.when(
          NetworkDeletion::stillHeld,
          new RetrySettings(40, Duration.ofSeconds(5), 1.5, Duration.ofSeconds(30)));

  private final Scope scope;
  private final Ec2Client ec2;
  private final String name;
  private final NetworkFinder finder;
  private final List<String> deleted = new CopyOnWriteArrayList<>();

  public NetworkDeletion(Scope scope, Ec2Client ec2, String name) {
    this.scope = scope;
    this.ec2 = ec2;
    this.name = name;
    this.finder = new NetworkFinder(ec2, name);
  }

  /** The call that removes a network, for error messages. */
  public static String call(String name) {
    return "remove it with kit.networks().delete(\"" + name + "\")";
  }

  /** Completes with the ids this run deleted, swept interfaces included, in order. */
  public CompletableFuture<List<String>> run() {
    return scope
        .call(Steps.check("not in use"), this::requireUnused)
        .thenCompose(done -> natGateways())
        .thenCompose(done -> each(Steps.find("Elastic IPs"), finder::addresses, this::address))
        .thenCompose(
            done ->
                each(
                    Steps.find("internet gateways"),
                    finder::internetGateways,
                    this::internetGateway))
        .thenCompose(
            done -> each(Steps.find("route tables"), finder::routeTables, this::routeTable))
        .thenCompose(done -> each(Steps.find("subnets"), finder::subnets, this::subnet))
        .thenCompose(done -> securityGroups())
        .thenCompose(done -> each(Steps.find("VPC"), finder::vpcs, this::vpc))
        .thenApply(done -> List.copyOf(deleted));
  }

  /**
   * Refuses while an interface other than a NAT gateway's is in use in the network's VPC: a
   * cluster, nodes or load balancers still run there.
   */
  private boolean requireUnused() {
    Set<String> natInterfaces = new HashSet<>();
    finder.natGateways(null).stream()
        .flatMap(nat -> nat.natGatewayAddresses().stream())
        .map(NatGatewayAddress::networkInterfaceId)
        .forEach(natInterfaces::add);
    for (Vpc vpc : finder.vpcs(null)) {
      List<String> users =
          ec2
              .describeNetworkInterfacesPaginator(
                  r -> r.filters(filter("vpc-id", vpc.vpcId()), filter("status", "in-use")))
              .networkInterfaces()
              .stream()
              .filter(eni -> eni.interfaceType() != NetworkInterfaceType.NAT_GATEWAY)
              .filter(eni -> !natInterfaces.contains(eni.networkInterfaceId()))
              .map(eni -> eni.networkInterfaceId() + " (" + eni.description() + ")")
              .toList();
      if (!users.isEmpty()) {
        throw new NetworkInUseException(scope.resource(), users);
      }
    }
    return true;
  }

  /** All at once: each takes about a minute. */
  private CompletableFuture<Void> natGateways() {
    return scope
        .call(Steps.find("NAT gateways"), () -> finder.natGateways(null))
        .thenCompose(found -> scope.parallel(found, Math.max(1, found.size()), this::natGateway))
        .thenApply(done -> null);
  }

  private CompletableFuture<Void> natGateway(NatGateway nat) {
    String id = nat.natGatewayId();
    return Deletion.builder(ref(NetworkPart.NAT_GATEWAY, nat.tags()))
        .waitKind(WaitKind.NAT_GATEWAY_DELETE)
        .delete(() -> ec2.deleteNatGateway(r -> r.natGatewayId(id)))
        .describe(
            () ->
                NatReadiness.deletionStatus(ec2, id)
                    .map(status -> new Deletion.Observed(status, List.of())))
        .build()
        .run(scope)
        .thenAccept(gone -> record(gone, id));
  }

  private CompletableFuture<Void> address(Address address) {
    String id = address.allocationId();
    return scope
        .child(ref(NetworkPart.ELASTIC_IP, address.tags()))
        .call(
            "release",
            UNTIL_RELEASED,
            () -> AwsErrors.deletedUnlessGone(() -> ec2.releaseAddress(r -> r.allocationId(id))))
        .thenAccept(gone -> record(gone, id));
  }

  private CompletableFuture<Void> internetGateway(InternetGateway gateway) {
    String id = gateway.internetGatewayId();
    Scope own = scope.child(ref(NetworkPart.INTERNET_GATEWAY, gateway.tags()));
    // One call step per attachment, as per rule and association: a retry repeats only the one.
    return own.sequence(
            gateway.attachments().stream().map(InternetGatewayAttachment::vpcId).toList(),
            vpcId ->
                own.call(
                    "detach",
                    UNTIL_RELEASED,
                    () -> {
                      detach(id, vpcId);
                      return vpcId;
                    }))
        .thenCompose(
            detached ->
                own.call(
                    Steps.DELETE,
                    UNTIL_RELEASED,
                    () ->
                        AwsErrors.deletedUnlessGone(
                            () -> ec2.deleteInternetGateway(r -> r.internetGatewayId(id)))))
        .thenAccept(gone -> record(gone, id));
  }

  /** Detaches the gateway; one already detached (EC2's {@code Gateway.NotAttached}) is done. */
  private void detach(String gatewayId, String vpcId) {
    try {
      ec2.detachInternetGateway(r -> r.internetGatewayId(gatewayId).vpcId(vpcId));
    } catch (RuntimeException e) {
      if (!"Gateway.NotAttached".equals(AwsErrors.errorCode(e))
          && !AwsErrors.is(e, AwsErrors.Kind.NOT_FOUND)) {
        throw e;
      }
    }
  }

  private CompletableFuture<Void> routeTable(RouteTable table) {
    String id = table.routeTableId();
    Scope own = scope.child(ref(NetworkPart.ROUTE_TABLE, table.tags()));
    return own.sequence(
            table.associations().stream()
                .filter(association -> !Boolean.TRUE.equals(association.main()))
                .map(RouteTableAssociation::routeTableAssociationId)
                .toList(),
            association ->
                own.call(
                    "disassociate",
                    () ->
                        AwsErrors.deletedUnlessGone(
                            () -> ec2.disassociateRouteTable(r -> r.associationId(association)))))
        .thenCompose(
            disassociated ->
                own.call(
                    Steps.DELETE,
                    UNTIL_RELEASED,
                    () ->
                        AwsErrors.deletedUnlessGone(
                            () -> ec2.deleteRouteTable(r -> r.routeTableId(id)))))
        .thenAccept(gone -> record(gone, id));
  }

  /**
   * Each attempt first deletes the interfaces left {@code available} in the subnet. That sweep is
   * best effort against faults: an interface it could not delete makes the subnet's delete answer
   * {@code DependencyViolation}, which the step waits out and sweeps again, so a 5xx in the sweep
   * costs no attempt of the step's fault budget.
   */
  private CompletableFuture<Void> subnet(Subnet subnet) {
    String id = subnet.subnetId();
    return scope
        .child(ref(NetworkPart.SUBNET, subnet.tags()))
        .call(
            Steps.DELETE,
            UNTIL_RELEASED,
            () -> {
              sweepInterfacesUnlessFaulty(id);
              return AwsErrors.deletedUnlessGone(() -> ec2.deleteSubnet(r -> r.subnetId(id)));
            })
        .thenAccept(gone -> record(gone, id));
  }

  private void sweepInterfacesUnlessFaulty(String subnetId) {
    try {
      sweepInterfaces(subnetId);
    } catch (RuntimeException e) {
      if (!AwsErrors.isRetryable(e)) {
        throw e;
      }
    }
  }

  private void sweepInterfaces(String subnetId) {
    ec2
        .describeNetworkInterfacesPaginator(
            r -> r.filters(filter("subnet-id", subnetId), filter("status", "available")))
        .networkInterfaces()
        .stream()
        .map(NetworkInterface::networkInterfaceId)
        .forEach(
            eni -> {
              try {
                ec2.deleteNetworkInterface(r -> r.networkInterfaceId(eni));
                deleted.add(eni);
              } catch (RuntimeException e) {
                // Gone already, or taken into use again: the subnet's delete tells which.
                if (!AwsErrors.is(e, AwsErrors.Kind.NOT_FOUND)
                    && !"InvalidNetworkInterface.InUse".equals(AwsErrors.errorCode(e))) {
                  throw e;
                }
              }
            });
  }

  /** First the rules by which the groups name each other, then the groups. */
  private CompletableFuture<Void> securityGroups() {
    return scope
        .call(Steps.find("security groups"), () -> finder.securityGroups(null))
        .thenCompose(
            groups -> {
              Set<String> ids = new HashSet<>();
              groups.forEach(group -> ids.add(group.groupId()));
              return scope
                  .sequence(
                      groups,
                      group -> {
                        // One call step per rule: a retry repeats only the rule that failed.
                        Scope own = scope.child(ref(NetworkPart.SECURITY_GROUP, group.tags()));
                        return own.sequence(
                            GroupRules.referencing(group, ids),
                            rule ->
                                own.call(
                                    "revoke rule",
                                    () -> {
                                      GroupRules.revoke(ec2, group.groupId(), rule);
                                      return rule;
                                    }));
                      })
                  .thenCompose(revoked -> scope.sequence(groups, this::securityGroup));
            })
        .thenApply(done -> null);
  }

  private CompletableFuture<Void> securityGroup(SecurityGroup group) {
    String id = group.groupId();
    return scope
        .child(ref(NetworkPart.SECURITY_GROUP, group.tags()))
        .call(
            Steps.DELETE,
            UNTIL_RELEASED,
            () -> AwsErrors.deletedUnlessGone(() -> ec2.deleteSecurityGroup(r -> r.groupId(id))))
        .thenAccept(gone -> record(gone, id));
  }

  private CompletableFuture<Void> vpc(Vpc vpc) {
    String id = vpc.vpcId();
    return scope
        .child(ref(NetworkPart.VPC, vpc.tags()))
        .call(
            Steps.DELETE,
            UNTIL_RELEASED,
            () -> AwsErrors.deletedUnlessGone(() -> ec2.deleteVpc(r -> r.vpcId(id))))
        .thenAccept(gone -> record(gone, id));
  }

  /** Finds the parts of one kind (a step), then deletes them one after another. */
  private <T> CompletableFuture<Void> each(
      String find, Function<String, List<T>> all, Function<T, CompletableFuture<Void>> delete) {
    return scope
        .call(find, () -> all.apply(null))
        .thenCompose(found -> scope.sequence(found, delete))
        .thenApply(done -> null);
  }

  private ResourceRef ref(String kind, List<Tag> tags) {
    return NetworkPart.found(kind, NetworkTags.part(tags)).ref(name);
  }

  private void record(boolean gone, String id) {
    if (gone) {
      deleted.add(id);
    }
  }

  private static boolean stillHeld(Throwable error) {
    String code = AwsErrors.errorCode(error);
    return "DependencyViolation".equals(code) || "InvalidIPAddress.InUse".equals(code);
  }
}
