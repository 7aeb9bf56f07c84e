package dev.ekskit.core.internal.network;

import dev.ekskit.core.NetworkInfo;
import dev.ekskit.core.NetworkSpec;
import dev.ekskit.core.PartialCreationException;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.Steps;
import dev.ekskit.core.WaitKind;
import dev.ekskit.core.spi.CreateOrAdopt;
import dev.ekskit.core.spi.Parts;
import dev.ekskit.core.spi.Scope;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.SubnetState;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcState;

/**
 * Chooses the zones, then makes the parts in order, each create-or-adopt by its tags: VPC, internet
 * gateway, subnets, public route table, security groups, Elastic IPs and NAT gateways (waited),
 * private route tables. A failure once a part exists is a {@link PartialCreationException} naming
 * what exists and the delete that removes it; running the create again adopts it all.
 */
public final class NetworkCreation {
  private final Scope scope;
  private final Ec2Client ec2;
  private final NetworkSpec spec;
  private final String name;
  private final String cleanup;
  private final NetworkFinder finder;
  private final PartCreates creates;
  private final Parts parts;

  private List<String> zones;
  private SubnetLayout layout;
  private Vpc vpc;
  private String internetGatewayId;
  private final Map<String, String> publicSubnets = new LinkedHashMap<>();
  private final Map<String, String> privateSubnets = new LinkedHashMap<>();
  private final Map<String, String> natGateways = new LinkedHashMap<>();
  private String controlPlaneGroupId;
  private String sharedNodeGroupId;

  public NetworkCreation(Scope scope, Ec2Client ec2, NetworkSpec spec) {
    this.scope = scope;
    this.ec2 = ec2;
    this.spec = spec;
    this.name = spec.name();
    this.cleanup = NetworkDeletion.call(name);
    this.finder = new NetworkFinder(ec2, name);
    this.creates = new PartCreates(ec2, spec, finder, cleanup);
    this.parts = new Parts(scope, cleanup);
  }

  public CompletableFuture<NetworkInfo> run() {
    return scope
        .call("choose zones", () -> ZoneChoice.choose(ec2, spec))
        .thenCompose(
            chosen -> {
              zones = chosen;
              layout = SubnetLayout.of(spec.cidrBlock(), chosen.size());
              return vpc();
            })
        .thenCompose(done -> internetGateway())
        .thenCompose(done -> scope.sequence(zones, this::subnets))
        .thenCompose(done -> publicRouteTable())
        .thenCompose(done -> securityGroups())
        .thenCompose(done -> natGateways())
        .thenCompose(done -> scope.sequence(zones, this::privateRouteTable))
        .thenApply(
            done ->
                new NetworkInfo(
                    name,
                    vpc.vpcId(),
                    vpc.cidrBlock(),
                    zones,
                    publicSubnets,
                    privateSubnets,
                    internetGatewayId,
                    natGateways,
                    controlPlaneGroupId,
                    sharedNodeGroupId,
                    NetworkTags.map(vpc.tags())));
  }

  private CompletableFuture<Void> vpc() {
    NetworkPart part = NetworkPart.vpc();
    Scope own = scope.child(part.ref(name));
    return parts
        .make(
            part.ref(name),
            () -> finder.vpc().isPresent(),
            () ->
                creates
                    .vpc()
                    .run(own)
                    .thenCompose(
                        made ->
                            made.resource().state() == VpcState.AVAILABLE
                                ? CompletableFuture.completedFuture(made.resource())
                                : own.await(
                                    Steps.WAIT_AVAILABLE,
                                    WaitKind.NETWORK_AVAILABLE,
                                    () -> Availability.vpc(ec2, made.resource().vpcId())))
                    .thenCompose(
                        made ->
                            own.call(
                                "enable dns",
                                () -> {
                                  Connections.enableDns(ec2, made.vpcId());
                                  return made;
                                })))
        .thenAccept(made -> vpc = made);
  }

  private CompletableFuture<Void> internetGateway() {
    NetworkPart part = NetworkPart.internetGateway();
    ResourceRef ref = part.ref(name);
    Scope own = scope.child(ref);
    return parts
        .make(
            ref,
            () -> finder.internetGateway().isPresent(),
            () ->
                creates
                    .internetGateway()
                    .run(own)
                    .thenCompose(
                        made ->
                            own.call(
                                "attach",
                                () -> {
                                  String id = made.resource().internetGatewayId();
                                  Connections.attach(ec2, ref, id, vpc.vpcId());
                                  return id;
                                })))
        .thenAccept(id -> internetGatewayId = id);
  }

  /** The zone's public subnet (public addresses on launch), then its private one. */
  private CompletableFuture<Void> subnets(String zone) {
    int index = zones.indexOf(zone);
    return subnet(NetworkPart.publicSubnet(zone), zone, layout.publicCidr(index), true)
        .thenCompose(
            publicId -> {
              publicSubnets.put(zone, publicId);
              return subnet(
                  NetworkPart.privateSubnet(zone), zone, layout.privateCidr(index), false);
            })
        .thenAccept(privateId -> privateSubnets.put(zone, privateId));
  }

  private CompletableFuture<String> subnet(
      NetworkPart part, String zone, String cidr, boolean isPublic) {
    Scope own = scope.child(part.ref(name));
    return parts.make(
        part.ref(name),
        () -> finder.subnet(part).isPresent(),
        () ->
            creates
                .subnet(part, vpc.vpcId(), zone, cidr, isPublic)
                .run(own)
                .thenCompose(
                    made ->
                        made.resource().state() == SubnetState.AVAILABLE
                            ? CompletableFuture.completedFuture(made.resource())
                            : own.await(
                                Steps.WAIT_AVAILABLE,
                                WaitKind.NETWORK_AVAILABLE,
                                () -> Availability.subnet(ec2, made.resource().subnetId())))
                .thenCompose(
                    made ->
                        !isPublic
                            ? CompletableFuture.completedFuture(made.subnetId())
                            : own.call(
                                "map public addresses",
                                () -> {
                                  Connections.mapPublicIps(ec2, made);
                                  return made.subnetId();
                                })));
  }

  /** One table for every public subnet, its default route to the internet gateway. */
  private CompletableFuture<String> publicRouteTable() {
    return routeTable(NetworkPart.publicRouteTable(), internetGatewayId, null, publicSubnets);
  }

  /** The zone's private subnet, through its NAT gateway (or none, without NAT). */
  private CompletableFuture<String> privateRouteTable(String zone) {
    String nat =
        switch (spec.natMode()) {
          case SINGLE -> natGateways.get(zones.get(0));
          case PER_ZONE -> natGateways.get(zone);
          case NONE -> null;
        };
    return routeTable(
        NetworkPart.privateRouteTable(zone), null, nat, Map.of(zone, privateSubnets.get(zone)));
  }

  private CompletableFuture<String> routeTable(
      NetworkPart part, String gatewayId, String natGatewayId, Map<String, String> subnets) {
    ResourceRef ref = part.ref(name);
    Scope own = scope.child(ref);
    return parts.make(
        ref,
        () -> finder.routeTable(part).isPresent(),
        () ->
            creates
                .routeTable(part, vpc.vpcId())
                .run(own)
                .thenApply(made -> made.resource().routeTableId())
                .thenCompose(
                    table ->
                        gatewayId == null && natGatewayId == null
                            ? CompletableFuture.completedFuture(table)
                            : own.call(
                                "route to the internet",
                                () -> {
                                  Connections.defaultRoute(
                                      ec2, ref, table, gatewayId, natGatewayId);
                                  return table;
                                }))
                .thenCompose(
                    table ->
                        own.call(
                            "associate subnets",
                            () -> {
                              subnets
                                  .values()
                                  .forEach(id -> Connections.associate(ec2, ref, table, id));
                              return table;
                            })));
  }

  /** The control-plane group, then the shared-node group and the rules between the two. */
  private CompletableFuture<Void> securityGroups() {
    NetworkPart controlPlane = NetworkPart.controlPlaneGroup();
    NetworkPart sharedNode = NetworkPart.sharedNodeGroup();
    Scope sharedScope = scope.child(sharedNode.ref(name));
    return securityGroup(
            controlPlane,
            "Communication between the control plane and the nodes of network " + name,
            group -> CompletableFuture.completedFuture(group.groupId()))
        .thenCompose(
            controlPlaneId -> {
              controlPlaneGroupId = controlPlaneId;
              return securityGroup(
                  sharedNode,
                  "Communication between all nodes of network " + name,
                  group ->
                      sharedScope.call(
                          "authorize rules",
                          () -> {
                            GroupRules.authorize(
                                ec2, controlPlaneId, GroupRules.controlPlane(group.groupId()));
                            GroupRules.authorize(
                                ec2,
                                group.groupId(),
                                GroupRules.sharedNode(group.groupId(), controlPlaneId));
                            return group.groupId();
                          }));
            })
        .thenAccept(sharedNodeId -> sharedNodeGroupId = sharedNodeId);
  }

  private CompletableFuture<String> securityGroup(
      NetworkPart part,
      String description,
      Function<SecurityGroup, CompletableFuture<String>> then) {
    Scope own = scope.child(part.ref(name));
    return parts.make(
        part.ref(name),
        () -> finder.securityGroup(part).isPresent(),
        () ->
            creates
                .securityGroup(part, vpc.vpcId(), description)
                .run(own)
                .thenCompose(made -> then.apply(made.resource())));
  }

  private List<String> natZones() {
    return switch (spec.natMode()) {
      case SINGLE -> List.of(zones.get(0));
      case PER_ZONE -> zones;
      case NONE -> List.of();
    };
  }

  /** The NAT gateways of every zone that has one, made and waited for together. */
  private CompletableFuture<Void> natGateways() {
    List<String> natZones = natZones();
    return scope
        .parallel(natZones, zones.size(), this::natGateway)
        .thenAccept(
            ids -> {
              for (int i = 0; i < ids.size(); i++) {
                natGateways.put(natZones.get(i), ids.get(i));
              }
            });
  }

  /** The zone's Elastic IP, then its NAT gateway in the zone's public subnet, waited available. */
  private CompletableFuture<String> natGateway(String zone) {
    NetworkPart address = NetworkPart.natAddress(zone);
    NetworkPart gateway = NetworkPart.natGateway(zone);
    ResourceRef ref = gateway.ref(name);
    Scope own = scope.child(ref);
    return parts
        .make(
            address.ref(name),
            () -> finder.address(address).isPresent(),
            () -> creates.address(address).run(scope.child(address.ref(name))))
        .thenCompose(
            eip ->
                parts.make(
                    ref,
                    () -> finder.natGateway(gateway).isPresent(),
                    () -> {
                      CreateOrAdopt<NatGateway> nat =
                          creates.natGateway(
                              gateway, publicSubnets.get(zone), eip.resource().allocationId());
                      return nat.run(own)
                          .thenCompose(
                              made ->
                                  own.await(
                                      Steps.WAIT_AVAILABLE,
                                      made.adopted()
                                          ? own.policy(WaitKind.NAT_GATEWAY_CREATE)
                                              .withFirstCheck(Duration.ZERO)
                                          : own.policy(WaitKind.NAT_GATEWAY_CREATE),
                                      () ->
                                          NatReadiness.available(
                                              ec2, ref, made.resource().natGatewayId(), cleanup)));
                    }))
        .thenApply(NatGateway::natGatewayId);
  }
}
