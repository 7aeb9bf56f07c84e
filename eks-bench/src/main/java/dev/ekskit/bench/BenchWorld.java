package dev.ekskit.bench;

import dev.ekskit.simulator.SimulatedAws;
import java.util.List;

/** One simulated account for one run: its subnets and the roles resources need. */
record BenchWorld(
    SimulatedAws aws, List<String> subnets, String clusterRole, String nodeRole, String podRole)
    implements AutoCloseable {

  static BenchWorld create(long seed) {
    SimulatedAws aws = SimulatedAws.builder().seed(seed).build();
    // The account's own limit is not what this measures: calls are never throttled unless asked.
    aws.faults().rateLimit(1e9, 1_000_000_000);
    return new BenchWorld(
        aws,
        aws.createVpcWithSubnets(3),
        aws.createRole("eks-cluster", "eks.amazonaws.com", "AmazonEKSClusterPolicy"),
        aws.createRole("eks-node", "ec2.amazonaws.com", "AmazonEKSWorkerNodePolicy"),
        aws.createRole(
            "eks-pods", "eks-fargate-pods.amazonaws.com", "AmazonEKSFargatePodExecutionRolePolicy"));
  }

  @Override
  public void close() {
    aws.close();
  }
}
