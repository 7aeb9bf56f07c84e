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

  /**
   * Every check, before a create.
   *
   * @param linuxCapacityGiven whether Linux capacity for a Windows group's CoreDNS is known to come
   *     (a blueprint holds it), so that the cluster need not have it yet
   */
  static Checked run(
      SelfManagedClients aws, SelfManagedNodegroupSpec spec, boolean linuxCapacityGiven) {
    Violations v = new Violations(SPEC);
    Checked checked = facts(aws, spec, v);
    checkCluster(v, checked.cluster());
    NodegroupSpecRules.amiVersion(v, spec.ami(), Optional.of(checked.kubernetesVersion()));
    checkNodeRole(v, aws, spec);
    WindowsPrerequisites.check(
        v, aws.eks(), aws.iam(), aws.autoScaling(), checked.cluster(), spec, linuxCapacityGiven);
    v.throwIfAny();
    InstanceTypeCheck.check(
        aws.ec2(), spec.ami(), spec.effectiveInstanceTypes(), SPEC, "instanceTypes");
    SubnetCheck.requireUsable(aws.ec2(), SPEC, "subnetIds", spec.subnetIds(), 1);
    return checked;
  }

  /**
   * What the nodes' launch template needs from the cluster, whatever its state (a plan may run
   * while it updates). Throws {@code InvalidSpecException} when the cluster is missing or reports
   * no service range or security group.
   */
  static Checked facts(SelfManagedClients aws, SelfManagedNodegroupSpec spec) {
    Violations v = new Violations(SPEC);
    Checked checked = facts(aws, spec, v);
    v.throwIfAny();
    return checked;
  }

  private static Checked facts(
      SelfManagedClients aws, SelfManagedNodegroupSpec spec, Violations v) {
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
    String version = spec.kubernetesVersion().orElse(cluster.version());
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
    String roleName = InstanceProfiles.roleName(spec.nodeRoleArn().orElseThrow());
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
