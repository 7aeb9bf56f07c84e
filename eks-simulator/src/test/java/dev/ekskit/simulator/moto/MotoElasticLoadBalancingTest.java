package dev.ekskit.simulator.moto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.ekskit.simulator.SimulatedAws;
import java.util.List;
import java.util.function.Consumer;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;

/**
 * Elastic Load Balancing behaviours that moto and the simulation share, each run against both with
 * the SDK's real clients. Where moto differs from AWS the simulation follows AWS (tested in {@code
 * ElasticLoadBalancingTest}): a create of a target group with a taken name and the same settings
 * answers with that group (moto: DuplicateTargetGroupName), load balancers have network interfaces
 * in their subnets (moto: none), an application load balancer needs two zones and a missing subnet
 * is {@code SubnetNotFound} (moto: one zone is enough, {@code InvalidSubnetID.NotFound}),
 * DescribeTags takes at most 20 ARNs and a name taken with other settings is {@code
 * DuplicateLoadBalancerName} (moto: no limit, no error).
 */
@MotoTest
class MotoElasticLoadBalancingTest {
  private record Target(String name, Ec2Client ec2, ElasticLoadBalancingV2Client elb) {}

  private final SimulatedAws aws = SimulatedAws.create();
  private final List<Target> targets;

  MotoElasticLoadBalancingTest(MotoAccount account) {
    targets =
        List.of(
            new Target(
                "moto",
                account.client(Ec2Client.builder()),
                account.client(ElasticLoadBalancingV2Client.builder())),
            new Target("simulation", aws.ec2(), aws.elbv2()));
  }

  @AfterEach
  void closeSimulation() {
    aws.close();
  }

  @Test
  void createLoadBalancer_twoZones_provisioningWithElbArn() {
    each(
        t -> {
          LoadBalancer created = loadBalancer(t, "created");

          assertThat(created.state().codeAsString()).as(t.name()).isEqualTo("provisioning");
          assertThat(created.loadBalancerArn())
              .as(t.name())
              .matches(
                  "arn:aws:elasticloadbalancing:us-east-1:\\d{12}:loadbalancer/app/created/[0-9a-f]{16}");
        });
  }

  @Test
  void describeLoadBalancers_unknownName_loadBalancerNotFound() {
    each(
        t ->
            assertErrorCode(
                t,
                () -> t.elb().describeLoadBalancers(r -> r.names("nobody")),
                "LoadBalancerNotFound"));
  }

  @Test
  void deleteTargetGroup_forwardedToByListener_resourceInUseUntilLoadBalancerGone() {
    each(
        t -> {
          LoadBalancer balancer = loadBalancer(t, "inuse");
          TargetGroup group =
              t.elb()
                  .createTargetGroup(
                      r ->
                          r.name("inuse-targets").protocol("HTTP").port(80).vpcId(balancer.vpcId()))
                  .targetGroups()
                  .get(0);
          t.elb()
              .createListener(
                  r ->
                      r.loadBalancerArn(balancer.loadBalancerArn())
                          .protocol("HTTP")
                          .port(80)
                          .defaultActions(
                              a -> a.type("forward").targetGroupArn(group.targetGroupArn())));

          assertErrorCode(
              t,
              () -> t.elb().deleteTargetGroup(r -> r.targetGroupArn(group.targetGroupArn())),
              "ResourceInUse");
          t.elb().deleteLoadBalancer(r -> r.loadBalancerArn(balancer.loadBalancerArn()));
          t.elb().deleteTargetGroup(r -> r.targetGroupArn(group.targetGroupArn()));
          assertErrorCode(
              t,
              () -> t.elb().deleteTargetGroup(r -> r.targetGroupArn(group.targetGroupArn())),
              "TargetGroupNotFound");
          assertErrorCode(
              t,
              () -> t.elb().describeTargetGroups(r -> r.targetGroupArns(group.targetGroupArn())),
              "TargetGroupNotFound");
        });
  }

  @Test
  void deleteLoadBalancer_alreadyGone_succeeds() {
    each(
        t -> {
          LoadBalancer balancer = loadBalancer(t, "gone");
          t.elb().deleteLoadBalancer(r -> r.loadBalancerArn(balancer.loadBalancerArn()));

          t.elb().deleteLoadBalancer(r -> r.loadBalancerArn(balancer.loadBalancerArn()));

          assertThat(t.elb().describeLoadBalancers().loadBalancers())
              .as(t.name())
              .noneMatch(lb -> lb.loadBalancerName().equals("gone"));
        });
  }

  private void each(Consumer<Target> scenario) {
    targets.forEach(scenario);
  }

  /** An application load balancer in a new VPC's two subnets of two zones. */
  private static LoadBalancer loadBalancer(Target t, String name) {
    String vpcId = t.ec2().createVpc(r -> r.cidrBlock("10.0.0.0/16")).vpc().vpcId();
    List<String> subnets =
        List.of("a", "b").stream()
            .map(
                zone ->
                    t.ec2()
                        .createSubnet(
                            r ->
                                r.vpcId(vpcId)
                                    .cidrBlock(zone.equals("a") ? "10.0.1.0/24" : "10.0.2.0/24")
                                    .availabilityZone("us-east-1" + zone))
                        .subnet()
                        .subnetId())
            .toList();
    return t.elb().createLoadBalancer(r -> r.name(name).subnets(subnets)).loadBalancers().get(0);
  }

  private static void assertErrorCode(Target t, ThrowingCallable call, String code) {
    ElasticLoadBalancingV2Exception error =
        catchThrowableOfType(ElasticLoadBalancingV2Exception.class, call);
    assertThat(error).as(t.name() + " answers " + code).isNotNull();
    assertThat(error.statusCode()).as(t.name()).isEqualTo(400);
    assertThat(error.awsErrorDetails().errorCode()).as(t.name()).isEqualTo(code);
  }
}
