package dev.ekskit.simulator;

/**
 * What the AWS Load Balancer Controller made in AWS for one Service of type LoadBalancer or one
 * Ingress of a simulated cluster, as {@link SimulatedKubernetes} made it: everything tagged {@code
 * elbv2.k8s.aws/cluster=<cluster>}, none of it known to EKS.
 *
 * <pre>{@code
 * ControllerLoadBalancer web = aws.kubernetes("orders").loadBalancerService("web");
 * aws.elbv2().describeTags(r -> r.resourceArns(web.loadBalancerArn()));
 * }</pre>
 *
 * @param loadBalancerArn the network (for a Service) or application (for an Ingress) load balancer
 * @param dnsName the load balancer's DNS name, as the Service's or Ingress's status shows it
 * @param targetGroupArn its target group (IP targets), in use by the listener
 * @param listenerArn its listener on port 80, forwarding to the target group
 * @param securityGroupId the managed front-end security group of this load balancer
 * @param backendSecurityGroupId the cluster's shared back-end security group ({@code
 *     k8s-traffic-<cluster>-...}), the same for every load balancer of the cluster
 */
public record ControllerLoadBalancer(
    String loadBalancerArn,
    String dnsName,
    String targetGroupArn,
    String listenerArn,
    String securityGroupId,
    String backendSecurityGroupId) {}
