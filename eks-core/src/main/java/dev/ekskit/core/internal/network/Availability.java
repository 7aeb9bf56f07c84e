package dev.ekskit.core.internal.network;

import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.Readiness;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Subnet;
import software.amazon.awssdk.services.ec2.model.SubnetState;
import software.amazon.awssdk.services.ec2.model.Vpc;
import software.amazon.awssdk.services.ec2.model.VpcState;

/**
 * Checks of a new VPC or subnet, which EC2 may report {@code pending}, or not at all, for a moment
 * after it answered the create.
 */
final class Availability {
  private Availability() {}

  static Readiness<Vpc> vpc(Ec2Client ec2, String vpcId) {
    return AwsErrors.absentAsEmpty(
            () -> ec2.describeVpcs(r -> r.vpcIds(vpcId)).vpcs().stream().findFirst())
        .map(
            found ->
                found.state() == VpcState.AVAILABLE
                    ? Readiness.ready(found.stateAsString(), found)
                    : Readiness.<Vpc>pending(found.stateAsString()))
        .orElse(Readiness.pending("NOT_VISIBLE_YET"));
  }

  static Readiness<Subnet> subnet(Ec2Client ec2, String subnetId) {
    return AwsErrors.absentAsEmpty(
            () -> ec2.describeSubnets(r -> r.subnetIds(subnetId)).subnets().stream().findFirst())
        .map(
            found ->
                found.state() == SubnetState.AVAILABLE
                    ? Readiness.ready(found.stateAsString(), found)
                    : Readiness.<Subnet>pending(found.stateAsString()))
        .orElse(Readiness.pending("NOT_VISIBLE_YET"));
  }
}
