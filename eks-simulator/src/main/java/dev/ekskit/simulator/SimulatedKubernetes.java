package dev.ekskit.simulator;

import dev.ekskit.simulator.internal.Simulation;
import java.util.Objects;

/**
 * What Kubernetes controllers running inside one simulated cluster leave in AWS: the resources no
 * EKS call made and no EKS delete removes, which a clean delete of the cluster's VPC must find on
 * its own. Get one with {@link SimulatedAws#kubernetes(String)}; the cluster must be running
 * (ACTIVE or UPDATING). Nothing here is recorded in {@link SimulatedAws#calls()}, and asking twice
 * for the same Service finds what the first time made, as a reconciling controller does.
 *
 * <pre>{@code
 * ControllerLoadBalancer web = aws.kubernetes("orders").loadBalancerService("shop", "web");
 * // deleting the cluster leaves it; the VPC's subnets cannot go while its interfaces are there
 * assertThat(aws.elbv2().describeLoadBalancers().loadBalancers()).hasSize(1);
 * }</pre>
 *
 * <p>The AWS Load Balancer Controller (the add-on EKS recommends) makes, for a Service of type
 * LoadBalancer, a network load balancer, and for an Ingress an application load balancer. Each is
 * internal (the controller's default scheme), in one subnet of each zone of the cluster's subnets,
 * with one target group of IP targets and a listener on port 80 forwarding to it. Everything it
 * makes is tagged {@code elbv2.k8s.aws/cluster=<cluster>}; the load balancer and its managed
 * front-end security group also carry {@code service.k8s.aws/stack=<namespace>/<name>} (for an
 * Ingress: {@code ingress.k8s.aws/stack}) and {@code service.k8s.aws/resource} ({@code
 * LoadBalancer}, {@code ManagedLBSecurityGroup}); the shared back-end security group {@code
 * k8s-traffic-<cluster>-<hash>} carries {@code elbv2.k8s.aws/resource=backend-sg}. Names are {@code
 * k8s-<namespace>-<name>-<hash>} as the controller shortens them. Like any load balancer, it has a
 * network interface in each of its subnets (described {@code ELB net/<name>/<id>} or {@code ELB
 * app/<name>/<id>}, requester {@code amazon-elb}) that keeps subnets and security groups from being
 * deleted until a while after the load balancer is.
 *
 * <p>Kubernetes' in-tree AWS cloud provider (a Service of type LoadBalancer without the controller)
 * makes a classic ELB named {@code a} and 31 hex digits, a security group {@code k8s-elb-<name>}
 * tagged {@code kubernetes.io/cluster/<cluster>=owned}, and the ELB's interfaces, described {@code
 * ELB <name>}, requester {@code amazon-elb}. Only the EC2 traces are simulated.
 */
public final class SimulatedKubernetes {
  private static final String DEFAULT_NAMESPACE = "default";

  private final Simulation simulation;
  private final String clusterName;

  SimulatedKubernetes(Simulation simulation, String clusterName) {
    this.simulation = simulation;
    this.clusterName = Objects.requireNonNull(clusterName, "clusterName");
  }

  /** The cluster whose controllers these are. */
  public String clusterName() {
    return clusterName;
  }

  /**
   * The network load balancer, target group, listener and security groups the AWS Load Balancer
   * Controller makes for Service {@code name} of type LoadBalancer in namespace {@code default}.
   *
   * @throws IllegalStateException when the cluster is not there or not running
   */
  public ControllerLoadBalancer loadBalancerService(String name) {
    return loadBalancerService(DEFAULT_NAMESPACE, name);
  }

  /** As {@link #loadBalancerService(String)}, for a Service in {@code namespace}. */
  public ControllerLoadBalancer loadBalancerService(String namespace, String name) {
    return simulation.controllerLoadBalancer(
        clusterName, require(namespace, "namespace"), require(name, "name"), false);
  }

  /**
   * The application load balancer, target group, listener and security groups the AWS Load Balancer
   * Controller makes for Ingress {@code name} in {@code namespace}.
   */
  public ControllerLoadBalancer ingress(String namespace, String name) {
    return simulation.controllerLoadBalancer(
        clusterName, require(namespace, "namespace"), require(name, "name"), true);
  }

  /**
   * The network interfaces and security group the in-tree cloud provider leaves in EC2 for the
   * classic ELB of Service {@code name} in {@code namespace}.
   */
  public ClassicLoadBalancerTraces classicLoadBalancerService(String namespace, String name) {
    return simulation.classicLoadBalancer(
        clusterName, require(namespace, "namespace"), require(name, "name"));
  }

  private static String require(String value, String what) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException("A Kubernetes " + what + " must not be blank");
    }
    return value;
  }
}
