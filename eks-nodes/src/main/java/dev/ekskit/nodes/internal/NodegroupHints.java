package dev.ekskit.nodes.internal;

import dev.ekskit.core.HealthIssue;
import dev.ekskit.core.spi.Hints;
import java.util.List;
import java.util.Map;

/** What to check for the node group health-issue codes EKS reports most often. */
public final class NodegroupHints {
  private static final Map<String, String> BY_CODE =
      Map.ofEntries(
          Map.entry(
              "NodeCreationFailure",
              "instances could not join the cluster: check that the node role has"
                  + " AmazonEKSWorkerNodePolicy, AmazonEC2ContainerRegistryReadOnly and the CNI"
                  + " policy, that the subnets reach the API endpoint and ECR (NAT or VPC"
                  + " endpoints), and that the security groups allow node-to-control-plane"
                  + " traffic"),
          Map.entry(
              "AsgInstanceLaunchFailures",
              "the Auto Scaling group could not launch instances: read the group's activity"
                  + " history; common causes are capacity, quotas and launch template errors"),
          Map.entry(
              "InstanceLimitExceeded",
              "the account's vCPU quota for this instance family is reached: request more in"
                  + " Service Quotas or choose other instance types"),
          Map.entry(
              "InsufficientInstanceCapacity",
              "EC2 has too few instances of this type in these zones right now: add subnets in"
                  + " other zones or choose another instance type; Auto Scaling keeps trying"),
          Map.entry(
              "InvalidAmi",
              "EC2 refused the image: check that the AMI exists in this region, is available and"
                  + " shared with the account"),
          Map.entry(
              "UnsupportedInstanceType",
              "the instance type is not offered in some of the subnets' zones: choose subnets in"
                  + " zones that offer it, or another type"),
          Map.entry(
              "VolumeKeyError",
              "EC2 could not encrypt the volumes: grant the Auto Scaling service-linked role use"
                  + " of the KMS key, or use the account's default EBS key"),
          Map.entry(
              "InsufficientFreeAddresses",
              "the subnets have too few free IP addresses: use larger or more subnets"),
          Map.entry(
              "Ec2SubnetInvalidConfiguration",
              "a public subnet does not assign public IPv4 addresses: enable"
                  + " MapPublicIpOnLaunch, or use private subnets with a NAT gateway"),
          Map.entry(
              "IamInstanceProfileNotFound",
              "the node role's instance profile is missing: recreate the node group or the"
                  + " profile"),
          Map.entry(
              "IamNodeRoleNotFound", "the node role was deleted: recreate it with its policies"),
          Map.entry("Ec2LaunchTemplateNotFound", "the launch template was deleted: recreate it"),
          Map.entry(
              "Ec2LaunchTemplateVersionMismatch",
              "the launch template version changed outside EKS: point the node group at the"
                  + " version it manages"),
          Map.entry("Ec2SecurityGroupNotFound", "a security group of the nodes was deleted"),
          Map.entry(
              "AccessDenied",
              "EKS lacks permissions: check the AWSServiceRoleForAmazonEKSNodegroup role"),
          Map.entry("Ec2SubnetNotFound", "a subnet of the node group was deleted"),
          Map.entry(
              "AutoScalingGroupNotFound",
              "the node group's Auto Scaling group was deleted outside EKS: delete and recreate"
                  + " the node group"));

  private NodegroupHints() {}

  public static String forIssues(List<HealthIssue> issues) {
    return Hints.forIssues(BY_CODE, issues);
  }
}
