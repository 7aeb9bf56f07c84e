package dev.ekskit.core.internal.network;

import dev.ekskit.core.spi.AwsErrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * The ingress rules of a network's two security groups, as eksctl's node security groups had them:
 * the shared-node group lets its members talk to each other on every protocol and port, and the
 * control plane reach them on HTTPS and ports 1025–65535 (kubelet, webhooks, metrics); the
 * control-plane group lets the nodes reach the API server on HTTPS. Egress stays EC2's default,
 * everything. EKS makes its own cluster security group besides these.
 */
final class GroupRules {
  /** One rule: a protocol ({@code tcp}, or {@code -1} for all), its ports, its source group. */
  record Rule(String protocol, Integer fromPort, Integer toPort, String sourceGroupId) {
    IpPermission permission() {
      return IpPermission.builder()
          .ipProtocol(protocol)
          .fromPort(fromPort)
          .toPort(toPort)
          .userIdGroupPairs(UserIdGroupPair.builder().groupId(sourceGroupId).build())
          .build();
    }
  }

  private static final int HTTPS = 443;
  private static final int FIRST_UNPRIVILEGED_PORT = 1025;
  private static final int LAST_PORT = 65535;

  private GroupRules() {}

  static List<Rule> controlPlane(String sharedNodeGroupId) {
    return List.of(new Rule("tcp", HTTPS, HTTPS, sharedNodeGroupId));
  }

  static List<Rule> sharedNode(String sharedNodeGroupId, String controlPlaneGroupId) {
    return List.of(
        new Rule("-1", null, null, sharedNodeGroupId),
        new Rule("tcp", HTTPS, HTTPS, controlPlaneGroupId),
        new Rule("tcp", FIRST_UNPRIVILEGED_PORT, LAST_PORT, controlPlaneGroupId));
  }

  /**
   * Adds the rules the group lacks, one call each; EC2's {@code InvalidPermission.Duplicate} (the
   * rule came in meanwhile) counts as done. Returns how many it added.
   */
  static int authorize(Ec2Client ec2, String groupId, List<Rule> wanted) {
    List<Rule> present = rules(describe(ec2, groupId));
    int added = 0;
    for (Rule rule : wanted) {
      if (present.contains(rule)) {
        continue;
      }
      try {
        ec2.authorizeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(rule.permission()));
        added++;
      } catch (RuntimeException e) {
        if (!AwsErrors.saysItExists(e)) {
          throw e;
        }
      }
    }
    return added;
  }

  /** The rules of {@code group} whose source is one of {@code groupIds}. */
  static List<Rule> referencing(SecurityGroup group, Set<String> groupIds) {
    return rules(group).stream().filter(rule -> groupIds.contains(rule.sourceGroupId())).toList();
  }

  /** Revokes {@code rule} of group {@code groupId}; EC2's not-found (revoked already) is done. */
  static void revoke(Ec2Client ec2, String groupId, Rule rule) {
    try {
      ec2.revokeSecurityGroupIngress(r -> r.groupId(groupId).ipPermissions(rule.permission()));
    } catch (RuntimeException e) {
      if (!AwsErrors.is(e, AwsErrors.Kind.NOT_FOUND)) {
        throw e;
      }
    }
  }

  private static SecurityGroup describe(Ec2Client ec2, String groupId) {
    return ec2.describeSecurityGroups(r -> r.groupIds(groupId)).securityGroups().get(0);
  }

  /** The group's ingress rules from other groups, one per source. */
  private static List<Rule> rules(SecurityGroup group) {
    List<Rule> rules = new ArrayList<>();
    for (IpPermission permission : group.ipPermissions()) {
      boolean allPorts = "-1".equals(permission.ipProtocol());
      for (UserIdGroupPair pair : permission.userIdGroupPairs()) {
        rules.add(
            new Rule(
                permission.ipProtocol(),
                allPorts ? null : permission.fromPort(),
                allPorts ? null : permission.toPort(),
                pair.groupId()));
      }
    }
    return rules;
  }
}
