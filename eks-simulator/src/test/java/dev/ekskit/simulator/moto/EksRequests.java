package dev.ekskit.simulator.moto;

import software.amazon.awssdk.services.eks.model.CreateClusterRequest;

/** Requests with every field moto needs (it validates the role ARN and keeps the VPC config). */
final class EksRequests {
  static final String CLUSTER_ROLE = "arn:aws:iam::123456789012:role/eks-cluster";

  private EksRequests() {}

  static CreateClusterRequest cluster(String name, String... subnetIds) {
    return CreateClusterRequest.builder()
        .name(name)
        .version("1.33")
        .roleArn(CLUSTER_ROLE)
        .resourcesVpcConfig(v -> v.subnetIds(subnetIds))
        .build();
  }
}
