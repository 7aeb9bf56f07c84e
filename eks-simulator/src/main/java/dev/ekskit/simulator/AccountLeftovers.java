package dev.ekskit.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What is left in a simulated account of what ekskit makes (clusters, VPCs, subnets, NAT gateways,
 * Elastic IPs, launch templates, Auto Scaling groups, instance profiles, roles, OIDC providers,
 * load balancers), by kind and id, read from outside through the clients: after a delete, a test
 * expects none of it.
 *
 * <pre>{@code
 * kit.blueprints().delete(blueprint).join();
 * assertThat(AccountLeftovers.of(aws, Set.of("eks-cluster"))).isEmpty();
 * }</pre>
 */
public final class AccountLeftovers {
  private AccountLeftovers() {}

  /** Everything left, but the roles in {@code keptRoles}, which existed before. */
  public static List<String> of(SimulatedAws aws, Set<String> keptRoles) {
    List<String> left = new ArrayList<>();
    aws.eks().listClusters().clusters().forEach(name -> left.add("cluster " + name));
    aws.ec2().describeVpcs().vpcs().forEach(vpc -> left.add("vpc " + vpc.vpcId()));
    aws.ec2().describeSubnets().subnets().forEach(s -> left.add("subnet " + s.subnetId()));
    aws.ec2().describeNatGateways().natGateways().stream()
        .filter(nat -> !nat.stateAsString().startsWith("delete"))
        .forEach(nat -> left.add("nat gateway " + nat.natGatewayId()));
    aws.ec2().describeAddresses().addresses().forEach(a -> left.add("eip " + a.allocationId()));
    aws.ec2()
        .describeLaunchTemplates()
        .launchTemplates()
        .forEach(t -> left.add("launch template " + t.launchTemplateName()));
    aws.autoScaling()
        .describeAutoScalingGroups()
        .autoScalingGroups()
        .forEach(g -> left.add("auto scaling group " + g.autoScalingGroupName()));
    aws.iam()
        .listInstanceProfiles()
        .instanceProfiles()
        .forEach(p -> left.add("instance profile " + p.instanceProfileName()));
    aws.iam().listRoles().roles().stream()
        .filter(role -> !keptRoles.contains(role.roleName()))
        .forEach(role -> left.add("role " + role.roleName()));
    aws.iam()
        .listOpenIDConnectProviders()
        .openIDConnectProviderList()
        .forEach(p -> left.add("oidc provider " + p.arn()));
    aws.elbv2()
        .describeLoadBalancers()
        .loadBalancers()
        .forEach(lb -> left.add("load balancer " + lb.loadBalancerName()));
    return left;
  }
}
