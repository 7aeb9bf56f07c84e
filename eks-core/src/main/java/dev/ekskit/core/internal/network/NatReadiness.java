package dev.ekskit.core.internal.network;

import dev.ekskit.core.HealthIssue;
import dev.ekskit.core.ResourceFailedException;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.Hints;
import dev.ekskit.core.spi.Readiness;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.NatGateway;
import software.amazon.awssdk.services.ec2.model.NatGatewayState;

/**
 * What a check of a NAT gateway means: {@code pending} waits, {@code available} is done, {@code
 * failed} ends the wait with EC2's failure code and message and a hint; one deleted while being
 * created ends it too.
 */
final class NatReadiness {
  private static final Map<String, String> HINTS =
      Map.of(
          "Gateway.NotAttached",
          "the VPC has no internet gateway attached, which a public NAT gateway needs",
          "InsufficientFreeAddressesInSubnet",
          "the public subnet has no free address left: free some, or use a larger CIDR block",
          "InvalidAllocationID.NotFound",
          "the Elastic IP address was released while the NAT gateway was being created",
          "Resource.AlreadyAssociated",
          "the Elastic IP address is in use by another resource",
          "InternalError",
          "EC2 failed to set up the NAT gateway: run the create again, which makes a new one",
          "InvalidSubnetID.NotFound",
          "the public subnet was deleted while the NAT gateway was being created");

  private NatReadiness() {}

  static Readiness<NatGateway> available(
      Ec2Client ec2, ResourceRef ref, String natGatewayId, String cleanup) {
    Optional<NatGateway> seen = describe(ec2, natGatewayId);
    if (seen.isEmpty()) {
      return Readiness.pending("NOT_VISIBLE_YET");
    }
    NatGateway nat = seen.get();
    return switch (nat.state()) {
      case AVAILABLE -> Readiness.ready(nat.stateAsString(), nat);
      case FAILED -> {
        List<HealthIssue> issues =
            List.of(
                new HealthIssue(
                    String.valueOf(nat.failureCode()),
                    String.valueOf(nat.failureMessage()),
                    List.of(natGatewayId)));
        yield Readiness.failed(
            nat.stateAsString(),
            new ResourceFailedException(
                ref,
                nat.stateAsString(),
                issues,
                Hints.forIssues(HINTS, issues),
                "EC2 removes a failed NAT gateway within an hour; " + cleanup));
      }
      case DELETING, DELETED ->
          Readiness.failed(
              nat.stateAsString(),
              new ResourceFailedException(
                  ref,
                  nat.stateAsString(),
                  List.of(),
                  "it was deleted while it was being created",
                  cleanup));
      default -> Readiness.pending(nat.stateAsString());
    };
  }

  /** Gone once {@code deleted}, or when EC2 no longer knows it. */
  static Optional<String> deletionStatus(Ec2Client ec2, String natGatewayId) {
    return describe(ec2, natGatewayId)
        .map(NatGateway::state)
        .filter(state -> state != NatGatewayState.DELETED && state != NatGatewayState.FAILED)
        .map(NatGatewayState::toString);
  }

  private static Optional<NatGateway> describe(Ec2Client ec2, String natGatewayId) {
    return AwsErrors.absentAsEmpty(
        () ->
            ec2.describeNatGateways(r -> r.natGatewayIds(natGatewayId)).natGateways().stream()
                .findFirst());
  }
}
