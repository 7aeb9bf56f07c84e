package dev.ekskit.core;

/**
 * How the private subnets of a {@link NetworkSpec} reach the internet.
 *
 * <pre>{@code
 * NetworkSpec.builder().name("orders").natMode(NatMode.PER_ZONE).build();
 * }</pre>
 */
public enum NatMode {
  /**
   * One NAT gateway, in the first zone's public subnet, for every private subnet: the cheapest, as
   * eksctl does by default; private subnets lose the internet if that zone fails.
   */
  SINGLE,
  /** One NAT gateway in each zone, each private subnet routed through its own zone's: resilient. */
  PER_ZONE,
  /**
   * No NAT gateway and no Elastic IP: private subnets have no default route. Nodes there need VPC
   * endpoints (ECR, S3, STS, EC2) or a cluster with a private endpoint to work.
   */
  NONE
}
