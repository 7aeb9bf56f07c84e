package dev.ekskit.simulator.internal;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Whether EKS can assume a role it is handed: the role must trust the service's principal, and a
 * role just made through CreateRole is refused until IAM has propagated it ({@link
 * Transition#ROLE_PROPAGATION}), with the answer EKS gives for each API. Roles the simulated IAM
 * does not know are taken as given, so tests may name made-up ARNs.
 */
final class RoleUsability {
  private final IamState iam;
  private final Supplier<Instant> clock;

  RoleUsability(IamState iam, Supplier<Instant> clock) {
    this.iam = iam;
    this.clock = clock;
  }

  void requireClusterRole(String roleArn) {
    if (!usable(roleArn, "eks.amazonaws.com")) {
      throw Errors.invalidParameter(
          "Role with arn: "
              + roleArn
              + ", could not be assumed because it does not exist or the trusted entity is not"
              + " correct");
    }
  }

  void requireNodeRole(String roleArn) {
    if (!usable(roleArn, "ec2.amazonaws.com")) {
      throw Errors.invalidParameter(
          "Following required service principals [ec2.amazonaws.com] were not found in the trust"
              + " relationships of nodeRole "
              + roleArn);
    }
  }

  void requirePodExecutionRole(String roleArn) {
    if (!usable(roleArn, "eks-fargate-pods.amazonaws.com")) {
      throw Errors.invalidParameter(
          "Misconfigured PodExecutionRole Trust Policy; Please add the"
              + " eks-fargate-pods.amazonaws.com Service Principal");
    }
  }

  private boolean usable(String roleArn, String principal) {
    Optional<IamState.Role> known = iam.roleByArn(roleArn);
    if (known.isEmpty()) {
      return true;
    }
    IamState.Role role = known.get();
    String trust =
        role.trustPolicy == null ? "" : URLDecoder.decode(role.trustPolicy, StandardCharsets.UTF_8);
    return !clock.get().isBefore(role.usableAt) && trust.contains("\"" + principal + "\"");
  }
}
