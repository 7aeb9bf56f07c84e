package dev.ekskit.nodes.internal;

import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.SubnetCheck;
import dev.ekskit.core.spi.Violations;
import dev.ekskit.nodes.SelfManagedNodegroupSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.eks.model.Cluster;

/**
 * Everything about a self-managed node group that can be checked against the account without
 * changing it: the cluster (ACTIVE, access entries allowed, its version against the AMI family, its
 * service range and security group), the node role, the Windows prerequisites, the instance type
 * and the subnets. Runs before the first mutating call.
 */
final class SelfManagedChecks {
  private static final String SPEC = "SelfManagedNodegroupSpec";

  /**
   * @param cluster the cluster as EKS describes it
   * @param kubernetesVersion the nodes' version
   * @param serviceIpv4Cidr the cluster's service range, for the DNS IP
   * @param securityGroupIds the cluster security group, then the spec's
   */
  record Checked(
      Cluster cluster,
      String kubernetesVersion,
      String serviceIpv4Cidr,
      List<String> securityGroupIds) {}

  private SelfManagedChecks() {}

  static Checked run(SelfManagedClients aws, SelfManagedNodegroupSpec spec) {
    Violations v = new Violations(SPEC);
    Cluster cluster;
    try {
      cluster = aws.eks().describeCluster(r -> r.name(spec.clusterName())).cluster();
    } catch (RuntimeException e) {
      if (!AwsErrors.is(e, AwsErrors.Kind.NOT_FOUND)) {
        throw e;
      }
      v.add("clusterName", "exists", "no cluster '" + spec.clusterName() + "' in this region");
      v.throwIfAny();
      throw e;
    }
    checkCluster(v, cluster);
    String version = spec.kubernetesVersion().orElse(cluster.version());
    NodegroupSpecRules.amiVersion(v, spec.ami(), Optional.of(version));
    String serviceCidr =
        cluster.kubernetesNetworkConfig() == null
            ? null
            : cluster.kubernetesNetworkConfig().serviceIpv4Cidr();
    if (serviceCidr == null) {
      v.add(
          "clusterName",
          "ipv4-service-range",
          "the cluster reports no IPv4 service range, which the nodes' DNS setting needs");
    }
    List<String> securityGroups = new ArrayList<>();
    if (cluster.resourcesVpcConfig() != null
        && cluster.resourcesVpcConfig().clusterSecurityGroupId() != null) {
      securityGroups.add(cluster.resourcesVpcConfig().clusterSecurityGroupId());
    }
    securityGroups.addAll(spec.securityGroupIds());
    if (securityGroups.isEmpty()) {
      v.add(
          "securityGroupIds",
          "required",
          "the cluster reports no cluster security group: name the nodes' security groups");
    }
    checkNodeRole(v, aws, spec);
    WindowsPrerequisites.check(v, aws.eks(), aws.iam(), aws.autoScaling(), cluster, spec);
    v.throwIfAny();
    InstanceTypeCheck.check(aws.ec2(), spec.ami(), spec.instanceTypes(), SPEC, "instanceTypes");
    SubnetCheck.requireUsable(aws.ec2(), SPEC, "subnetIds", spec.subnetIds(), 1);
    return new Checked(cluster, version, serviceCidr, securityGroups);
  }

  private static void checkCluster(Violations v, Cluster cluster) {
    if (!"ACTIVE".equals(cluster.statusAsString())) {
      v.add(
          "clusterName",
          "active",
          "cluster " + cluster.name() + " is " + cluster.statusAsString() + ": wait until ACTIVE");
    }
    if (cluster.accessConfig() != null
        && "CONFIG_MAP".equals(cluster.accessConfig().authenticationModeAsString())) {
      v.add(
          "clusterName",
          "authentication-mode",
          "cluster "
              + cluster.name()
              + " authenticates through the aws-auth ConfigMap only; nodes join through an"
              + " access entry, which needs authentication mode API_AND_CONFIG_MAP or API");
    }
  }

  private static void checkNodeRole(
      Violations v, SelfManagedClients aws, SelfManagedNodegroupSpec spec) {
    String roleName = InstanceProfiles.roleName(spec.nodeRoleArn());
    try {
      aws.iam().getRole(r -> r.roleName(roleName));
    } catch (RuntimeException e) {
      if (!AwsErrors.is(e, AwsErrors.Kind.NOT_FOUND)) {
        throw e;
      }
      v.add("nodeRoleArn", "exists", "IAM has no role named " + roleName);
    }
  }
}
