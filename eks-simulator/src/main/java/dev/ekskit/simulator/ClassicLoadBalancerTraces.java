package dev.ekskit.simulator;

import java.util.List;

/**
 * What Kubernetes' in-tree AWS cloud provider leaves in EC2 for a Service of type LoadBalancer
 * served by a classic ELB, as {@link SimulatedKubernetes} made it. The classic load balancer itself
 * is not simulated (no classic ELB client is part of this build): only its network interfaces and
 * its security group are, and they stay until the test ends, as they do in AWS until someone
 * deletes the classic load balancer.
 *
 * <pre>{@code
 * ClassicLoadBalancerTraces web = aws.kubernetes("orders").classicLoadBalancerService("shop", "web");
 * // the subnets and the security group cannot be deleted while web.networkInterfaceIds() are there
 * }</pre>
 *
 * @param loadBalancerName the classic load balancer's name ({@code a} and 31 hex digits)
 * @param securityGroupId the security group {@code k8s-elb-<name>}, tagged {@code
 *     kubernetes.io/cluster/<cluster>=owned}
 * @param networkInterfaceIds its interfaces, described {@code ELB <name>}, requester {@code
 *     amazon-elb}, one in each zone of the cluster's subnets
 */
public record ClassicLoadBalancerTraces(
    String loadBalancerName, String securityGroupId, List<String> networkInterfaceIds) {
  public ClassicLoadBalancerTraces {
    networkInterfaceIds = List.copyOf(networkInterfaceIds);
  }
}
