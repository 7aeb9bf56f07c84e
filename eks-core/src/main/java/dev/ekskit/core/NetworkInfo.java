package dev.ekskit.core;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A network made by {@link Networks}, as EC2 describes its parts. Maps are keyed by Availability
 * Zone, in the network's zone order; an id is empty where the part does not exist (a network with
 * {@link NatMode#NONE} has no NAT gateways; one whose create stopped partway may lack parts).
 *
 * <pre>{@code
 * NetworkInfo network = kit.networks().create(spec).join();
 * ClusterSpec cluster = ClusterSpec.builder().name("orders").roleArn(role)
 *     .subnetIds(network.subnetIds())                         // private, then public
 *     .addSecurityGroupIds(network.controlPlaneSecurityGroupId())
 *     .build();
 * List<String> nodeSubnets = List.copyOf(network.privateSubnetIds().values());
 * }</pre>
 *
 * @param name the network's name
 * @param vpcId the VPC
 * @param cidrBlock the VPC's IPv4 block
 * @param zones the Availability Zones, in order
 * @param publicSubnetIds public subnets (routed to the internet gateway) by zone
 * @param privateSubnetIds private subnets (routed to a NAT gateway, or nowhere) by zone
 * @param internetGatewayId the internet gateway attached to the VPC
 * @param natGatewayIds NAT gateways by the zone they are in: one, one per zone, or none
 * @param controlPlaneSecurityGroupId for the cluster's control-plane interfaces: HTTPS from the
 *     shared-node group
 * @param sharedNodeSecurityGroupId for every node: all traffic among its members, HTTPS and ports
 *     1025–65535 from the control-plane group
 * @param tags the VPC's tags, ekskit's included
 */
public record NetworkInfo(
    String name,
    String vpcId,
    String cidrBlock,
    List<String> zones,
    Map<String, String> publicSubnetIds,
    Map<String, String> privateSubnetIds,
    String internetGatewayId,
    Map<String, String> natGatewayIds,
    String controlPlaneSecurityGroupId,
    String sharedNodeSecurityGroupId,
    Map<String, String> tags) {

  public NetworkInfo {
    zones = List.copyOf(zones);
    publicSubnetIds = ordered(publicSubnetIds);
    privateSubnetIds = ordered(privateSubnetIds);
    natGatewayIds = ordered(natGatewayIds);
    tags = Map.copyOf(tags);
  }

  /**
   * Every subnet, private ones first, each group in zone order: what to give {@code
   * ClusterSpec.builder().subnetIds(...)}. EKS places its control-plane interfaces in them, and
   * load balancers need the public ones, as with eksctl, which gives EKS all of them.
   */
  public List<String> subnetIds() {
    List<String> all = new ArrayList<>(privateSubnetIds.values());
    all.addAll(publicSubnetIds.values());
    return List.copyOf(all);
  }

  /** Both security groups, control plane first; those that exist. */
  public List<String> securityGroupIds() {
    return List.of(controlPlaneSecurityGroupId, sharedNodeSecurityGroupId).stream()
        .filter(id -> !id.isEmpty())
        .toList();
  }

  private static Map<String, String> ordered(Map<String, String> byZone) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(byZone));
  }
}
