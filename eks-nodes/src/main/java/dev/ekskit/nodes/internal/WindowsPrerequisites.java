package dev.ekskit.nodes.internal;

import dev.ekskit.core.spi.Violations;
import dev.ekskit.nodes.SelfManagedNodegroupSpec;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Cluster;
import software.amazon.awssdk.services.eks.model.FargateProfile;
import software.amazon.awssdk.services.eks.model.Nodegroup;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;

/**
 * What a cluster needs before Windows nodes work, as EKS documents it: Linux or Fargate capacity
 * for CoreDNS and the other Linux-only system pods, the cluster role's {@code
 * AmazonEKSVPCResourceController} policy (it hands IP addresses to Windows pods), and Windows IPAM
 * enabled in the VPC CNI. Read-only checks; each missing one is a violation saying how to fix it. A
 * blueprint vouches for the Linux capacity itself: its Linux groups may be created alongside.
 */
final class WindowsPrerequisites {
  static final String VPC_RESOURCE_CONTROLLER = "AmazonEKSVPCResourceController";

  private WindowsPrerequisites() {}

  static void check(
      Violations v,
      EksClient eks,
      IamClient iam,
      AutoScalingClient autoScaling,
      Cluster cluster,
      SelfManagedNodegroupSpec spec,
      boolean linuxCapacityGiven) {
    if (!spec.ami().isWindows()) {
      return;
    }
    if (!linuxCapacityGiven && !hasLinuxCapacity(eks, autoScaling, cluster.name())) {
      v.add(
          "ami",
          "windows-needs-linux-capacity",
          "Windows nodes need Linux or Fargate capacity for CoreDNS first: cluster "
              + cluster.name()
              + " has no Linux managed node group, no Fargate profile selecting kube-system and"
              + " no Linux self-managed group made by ekskit");
    }
    String roleName = InstanceProfiles.roleName(cluster.roleArn());
    boolean attached =
        iam.listAttachedRolePoliciesPaginator(r -> r.roleName(roleName)).attachedPolicies().stream()
            .map(AttachedPolicy::policyName)
            .anyMatch(VPC_RESOURCE_CONTROLLER::equals);
    if (!attached) {
      v.add(
          "clusterName",
          "windows-vpc-resource-controller",
          "the cluster role "
              + roleName
              + " needs the managed policy "
              + VPC_RESOURCE_CONTROLLER
              + " for Windows pod networking: attach arn:"
              + cluster.arn().split(":")[1]
              + ":iam::aws:policy/"
              + VPC_RESOURCE_CONTROLLER);
    }
    if (!spec.vpcCniWindowsIpamEnabled()) {
      v.add(
          "vpcCniWindowsIpamEnabled",
          "windows-ipam",
          "enable Windows IPAM in the VPC CNI (kubectl patch configmap/amazon-vpc-cni -n"
              + " kube-system --type merge -p '{\"data\":{\"enable-windows-ipam\":\"true\"}}'),"
              + " then set vpcCniWindowsIpamEnabled(true): ekskit cannot read the ConfigMap"
              + " through AWS APIs");
    }
  }

  /** Managed Linux node groups, Fargate for kube-system, or ekskit's Linux self-managed groups. */
  private static boolean hasLinuxCapacity(
      EksClient eks, AutoScalingClient autoScaling, String cluster) {
    boolean managedLinux =
        eks.listNodegroupsPaginator(r -> r.clusterName(cluster)).nodegroups().stream()
            .map(
                name ->
                    eks.describeNodegroup(r -> r.clusterName(cluster).nodegroupName(name))
                        .nodegroup())
            .anyMatch(WindowsPrerequisites::isLinux);
    if (managedLinux) {
      return true;
    }
    boolean fargate =
        eks.listFargateProfilesPaginator(r -> r.clusterName(cluster)).fargateProfileNames().stream()
            .map(
                name ->
                    eks.describeFargateProfile(r -> r.clusterName(cluster).fargateProfileName(name))
                        .fargateProfile())
            .anyMatch(WindowsPrerequisites::selectsKubeSystem);
    return fargate
        || AutoScalingGroups.ofCluster(autoScaling, cluster).stream()
            .anyMatch(
                group ->
                    "linux"
                            .equals(
                                AutoScalingGroups.tagMap(group).get(AutoScalingGroups.NODE_OS_TAG))
                        && group.status() == null);
  }

  /** Custom-AMI groups ({@code CUSTOM}) count as Linux: EKS cannot tell, and most are. */
  private static boolean isLinux(Nodegroup group) {
    return !String.valueOf(group.amiTypeAsString()).startsWith("WINDOWS")
        && !"DELETING".equals(group.statusAsString());
  }

  private static boolean selectsKubeSystem(FargateProfile profile) {
    return !"DELETING".equals(profile.statusAsString())
        && profile.selectors().stream()
            .anyMatch(
                s -> s.namespace() != null && glob(s.namespace()).matcher("kube-system").matches());
  }

  /** Fargate selectors allow {@code *} and {@code ?} in namespaces. */
  private static Pattern glob(String namespace) {
    return Pattern.compile(
        Pattern.quote(namespace).replace("*", "\\E.*\\Q").replace("?", "\\E.\\Q"));
  }
}
