package dev.ekskit.simulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import software.amazon.awssdk.services.ec2.model.IpPermission;
import software.amazon.awssdk.services.ec2.model.IpRange;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.ec2.model.UserIdGroupPair;

/**
 * Ingress rules of security groups as EC2 keeps them: each permission splits into single rules
 * (protocol, ports, one source group or one CIDR); adding a rule that exists is {@code
 * InvalidPermission.Duplicate}, revoking one that does not is {@code InvalidPermission.NotFound}.
 */
final class SecurityGroupRules {
  /**
   * One rule: the protocol ({@code tcp}, {@code udp}, {@code icmp} or {@code -1}), ports, source.
   */
  record Rule(String protocol, Integer fromPort, Integer toPort, String groupId, String cidr) {
    IpPermission toPermission() {
      IpPermission.Builder permission =
          IpPermission.builder().ipProtocol(protocol).fromPort(fromPort).toPort(toPort);
      if (groupId != null) {
        permission.userIdGroupPairs(UserIdGroupPair.builder().groupId(groupId).build());
      } else {
        permission.ipRanges(IpRange.builder().cidrIp(cidr).build());
      }
      return permission.build();
    }

    @Override
    public String toString() {
      return "peer: "
          + (groupId != null ? groupId : cidr)
          + ", "
          + protocol.toUpperCase(Locale.ROOT)
          + ", from port: "
          + fromPort
          + ", to port: "
          + toPort
          + ", ALLOW";
    }
  }

  private SecurityGroupRules() {}

  /** {@code group} with {@code adding} in its ingress; every source group must exist. */
  static SecurityGroup authorizeIngress(
      SecurityGroup group, List<IpPermission> adding, Predicate<String> groupExists) {
    List<Rule> rules = new ArrayList<>(rules(group.ipPermissions()));
    for (Rule rule : rules(adding)) {
      if (rule.groupId() != null && !groupExists.test(rule.groupId())) {
        throw Errors.ec2(
            400,
            "InvalidGroup.NotFound",
            "The security group '" + rule.groupId() + "' does not exist");
      }
      if (rules.contains(rule)) {
        throw Errors.ec2(
            400,
            "InvalidPermission.Duplicate",
            "the specified rule \"" + rule + "\" already exists");
      }
      rules.add(rule);
    }
    return group.toBuilder().ipPermissions(permissions(rules)).build();
  }

  /** {@code group} without {@code removing}, every one of which it must have. */
  static SecurityGroup revokeIngress(SecurityGroup group, List<IpPermission> removing) {
    List<Rule> rules = new ArrayList<>(rules(group.ipPermissions()));
    for (Rule rule : rules(removing)) {
      if (!rules.remove(rule)) {
        throw Errors.ec2(
            400,
            "InvalidPermission.NotFound",
            "The specified rule does not exist in this security group.");
      }
    }
    return group.toBuilder().ipPermissions(permissions(rules)).build();
  }

  /** Whether a rule of {@code group} names {@code otherGroupId} as its source or destination. */
  static boolean references(SecurityGroup group, String otherGroupId) {
    return rules(group.ipPermissions()).stream()
            .anyMatch(rule -> otherGroupId.equals(rule.groupId()))
        || rules(group.ipPermissionsEgress()).stream()
            .anyMatch(rule -> otherGroupId.equals(rule.groupId()));
  }

  private static List<Rule> rules(List<IpPermission> permissions) {
    List<Rule> rules = new ArrayList<>();
    for (IpPermission permission : permissions) {
      String protocol = protocol(permission.ipProtocol());
      boolean allPorts = protocol.equals("-1");
      Integer from = allPorts ? null : permission.fromPort();
      Integer to = allPorts ? null : permission.toPort();
      permission
          .userIdGroupPairs()
          .forEach(pair -> rules.add(new Rule(protocol, from, to, pair.groupId(), null)));
      permission
          .ipRanges()
          .forEach(range -> rules.add(new Rule(protocol, from, to, null, range.cidrIp())));
    }
    return rules;
  }

  private static List<IpPermission> permissions(List<Rule> rules) {
    return rules.stream().map(Rule::toPermission).toList();
  }

  /** Protocol numbers as EC2 names them back. */
  private static String protocol(String given) {
    String protocol = given == null ? "-1" : given.toLowerCase(Locale.ROOT);
    return switch (protocol) {
      case "6" -> "tcp";
      case "17" -> "udp";
      case "1" -> "icmp";
      case "all" -> "-1";
      default -> protocol;
    };
  }
}
