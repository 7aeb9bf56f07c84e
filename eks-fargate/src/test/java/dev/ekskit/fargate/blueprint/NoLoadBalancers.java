package dev.ekskit.fargate.blueprint;

import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeLoadBalancersResponse;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsRequest;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DescribeTargetGroupsResponse;

/**
 * An account with no Elastic Load Balancing v2 resource, for a blueprint's delete, which looks for
 * load balancers Kubernetes controllers left behind. The simulated AWS has no ELBv2 yet; no
 * Kubernetes controller runs on it, so this is what it would answer.
 */
final class NoLoadBalancers implements ElasticLoadBalancingV2Client {
  @Override
  public DescribeLoadBalancersResponse describeLoadBalancers(DescribeLoadBalancersRequest request) {
    return DescribeLoadBalancersResponse.builder().build();
  }

  @Override
  public DescribeTargetGroupsResponse describeTargetGroups(DescribeTargetGroupsRequest request) {
    return DescribeTargetGroupsResponse.builder().build();
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {}
}
