package dev.ekskit.simulator.internal;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.eks.model.VpcConfigRequest;
import software.amazon.awssdk.services.eks.model.VpcConfigResponse;

/**
 * Checks a cluster's VPC configuration against the simulated network, as EKS does, and echoes it.
 */
final class ClusterVpc {
  private static final List<String> OPEN_TO_ALL = List.of("0.0.0.0/0");

  private ClusterVpc() {}

  static VpcConfigResponse resolve(VpcConfigRequest request, EksContext context) {
    if (request == null || request.subnetIds().isEmpty()) {
      throw Errors.invalidParameter("resourcesVpcConfig.subnetIds is required");
    }
    List<Subnet> subnets = subnets(request.subnetIds(), context.network());
    Set<String> zones = new HashSet<>();
    Set<String> vpcIds = new HashSet<>();
    subnets.forEach(
        subnet -> {
          zones.add(subnet.availabilityZone());
          vpcIds.add(subnet.vpcId());
        });
    if (zones.size() < 2) {
      throw Errors.invalidParameter("Subnets specified must be in at least two different AZs");
    }
    if (vpcIds.size() > 1) {
      throw Errors.invalidParameter("Subnets must all belong to the same VPC: " + vpcIds);
    }
    request.securityGroupIds().stream()
        .filter(id -> !context.network().hasSecurityGroup(id))
        .findFirst()
        .ifPresent(
            id -> {
              throw Errors.invalidParameter("The security group '" + id + "' does not exist");
            });
    return VpcConfigResponse.builder()
        .subnetIds(request.subnetIds())
        .securityGroupIds(request.securityGroupIds())
        .clusterSecurityGroupId("sg-" + context.ids().hex(17))
        .vpcId(vpcIds.iterator().next())
        .endpointPublicAccess(Objects.requireNonNullElse(request.endpointPublicAccess(), true))
        .endpointPrivateAccess(Objects.requireNonNullElse(request.endpointPrivateAccess(), false))
        .publicAccessCidrs(
            request.publicAccessCidrs().isEmpty() ? OPEN_TO_ALL : request.publicAccessCidrs())
        .build();
  }

  /** Applies the endpoint fields of an UpdateClusterConfig; absent fields keep their value. */
  static VpcConfigResponse withEndpointChange(VpcConfigResponse current, VpcConfigRequest change) {
    return current.toBuilder()
        .endpointPublicAccess(
            Objects.requireNonNullElse(
                change.endpointPublicAccess(), current.endpointPublicAccess()))
        .endpointPrivateAccess(
            Objects.requireNonNullElse(
                change.endpointPrivateAccess(), current.endpointPrivateAccess()))
        .publicAccessCidrs(
            change.publicAccessCidrs().isEmpty()
                ? current.publicAccessCidrs()
                : change.publicAccessCidrs())
        .build();
  }

  static List<Subnet> subnets(List<String> subnetIds, Ec2Network network) {
    List<Subnet> subnets = new ArrayList<>();
    for (String id : subnetIds) {
      subnets.add(
          network
              .subnet(id)
              .orElseThrow(
                  () -> Errors.invalidParameter("The subnet ID '" + id + "' does not exist")));
    }
    return subnets;
  }
}
