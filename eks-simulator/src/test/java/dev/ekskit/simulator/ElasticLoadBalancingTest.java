package dev.ekskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateLoadBalancerNameException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateTagKeysException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.DuplicateTargetGroupNameException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ElasticLoadBalancingV2Exception;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.InvalidConfigurationRequestException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerStateEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.ResourceInUseException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.SubnetNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TargetGroupNotFoundException;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.TooManyTagsException;

/** Load balancers, target groups, listeners and tags of the simulated Elastic Load Balancing. */
class ElasticLoadBalancingTest extends SimulatedAwsFixture {
  private final ElasticLoadBalancingV2Client elb = aws.elbv2();
  private final Ec2Client ec2 = aws.ec2();
  private String vpcId;
  private String securityGroupId;

  @BeforeEach
  void vpcAndGroup() {
    aws.durations()
        .loadBalancerCreate(Duration.ofMinutes(3))
        .loadBalancerInterfaceLinger(Duration.ofMinutes(2));
    vpcId = ec2.describeSubnets(r -> r.subnetIds(subnets.get(0))).subnets().get(0).vpcId();
    securityGroupId =
        ec2.createSecurityGroup(r -> r.vpcId(vpcId).groupName("web").description("web")).groupId();
  }

  @Test
  void createLoadBalancer_application_provisioningThenActiveWithAnInterfaceInEachSubnet() {
    LoadBalancer created = alb("web");

    String provisioning = state(created);
    aws.time().advance(Duration.ofMinutes(3));

    assertThat(provisioning).isEqualTo("provisioning");
    assertThat(state(created)).isEqualTo("active");
    assertThat(created.loadBalancerArn())
        .matches(
            "arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/[0-9a-f]{16}");
    assertThat(created.vpcId()).isEqualTo(vpcId);
    assertThat(created.securityGroups()).containsExactly(securityGroupId);
    String id = created.loadBalancerArn().substring(created.loadBalancerArn().lastIndexOf('/') + 1);
    assertThat(interfaces())
        .hasSize(3)
        .allSatisfy(
            eni -> {
              assertThat(eni.description()).isEqualTo("ELB app/web/" + id);
              assertThat(eni.requesterId()).isEqualTo("amazon-elb");
              assertThat(eni.requesterManaged()).isTrue();
              assertThat(eni.groups())
                  .extracting(g -> g.groupId())
                  .containsExactly(securityGroupId);
            })
        .extracting(NetworkInterface::subnetId)
        .containsExactlyInAnyOrderElementsOf(subnets);
  }

  @Test
  void createLoadBalancer_sameNameAndSettings_sameOneOtherSettingsDuplicateName() {
    LoadBalancer first = alb("web");

    LoadBalancer again = alb("web");

    assertThat(again.loadBalancerArn()).isEqualTo(first.loadBalancerArn());
    assertThat(elb.describeLoadBalancers().loadBalancers()).hasSize(1);
    assertAwsError(
        () -> elb.createLoadBalancer(r -> r.name("web").type("network").subnets(subnets)),
        DuplicateLoadBalancerNameException.class,
        400,
        "DuplicateLoadBalancerName");
  }

  @Test
  void createLoadBalancer_badRequests_elbErrorCodes() {
    assertAwsError(
        () -> elb.createLoadBalancer(r -> r.name("web").subnets("subnet-0000000000000000f")),
        SubnetNotFoundException.class,
        400,
        "SubnetNotFound");
    assertAwsError(
        () -> elb.createLoadBalancer(r -> r.name("web").subnets(subnets.get(0))),
        InvalidConfigurationRequestException.class,
        400,
        "InvalidConfigurationRequest");
    assertAwsError(
        () -> elb.createLoadBalancer(r -> r.name("-web").subnets(subnets)),
        ElasticLoadBalancingV2Exception.class,
        400,
        "ValidationError");
    assertThat(elb.describeLoadBalancers().loadBalancers()).isEmpty();
  }

  @Test
  void describeLoadBalancers_byNameArnOrPage_foundOrNotFound() {
    LoadBalancer web = alb("web");
    alb("api");
    elb.createLoadBalancer(r -> r.name("edge").type("network").subnets(subnets.get(0)));

    assertThat(elb.describeLoadBalancers(r -> r.names("api")).loadBalancers())
        .extracting(LoadBalancer::loadBalancerName)
        .containsExactly("api");
    assertThat(
            elb.describeLoadBalancers(r -> r.loadBalancerArns(web.loadBalancerArn()))
                .loadBalancers())
        .extracting(LoadBalancer::loadBalancerName)
        .containsExactly("web");
    assertThat(elb.describeLoadBalancers(r -> r.pageSize(2)).nextMarker()).isNotNull();
    assertThat(
            elb.describeLoadBalancersPaginator(r -> r.pageSize(2)).loadBalancers().stream()
                .map(LoadBalancer::loadBalancerName))
        .containsExactly("web", "api", "edge");
    assertAwsError(
        () -> elb.describeLoadBalancers(r -> r.names("nobody")),
        LoadBalancerNotFoundException.class,
        400,
        "LoadBalancerNotFound");
  }

  @Test
  void deleteLoadBalancer_interfacesLingerKeepingSubnetAndGroupThenVanish() {
    LoadBalancer web = alb("web");

    elb.deleteLoadBalancer(r -> r.loadBalancerArn(web.loadBalancerArn()));

    assertThat(elb.describeLoadBalancers().loadBalancers()).isEmpty();
    assertThat(interfaces()).hasSize(3).allMatch(eni -> eni.statusAsString().equals("in-use"));
    assertAwsError(
        () -> ec2.deleteSubnet(r -> r.subnetId(subnets.get(0))),
        Ec2Exception.class,
        400,
        "DependencyViolation");
    assertAwsError(
        () -> ec2.deleteSecurityGroup(r -> r.groupId(securityGroupId)),
        Ec2Exception.class,
        400,
        "DependencyViolation");
    aws.time().advance(Duration.ofMinutes(2));
    assertThat(interfaces()).isEmpty();
    ec2.deleteSecurityGroup(r -> r.groupId(securityGroupId));
    ec2.deleteSubnet(r -> r.subnetId(subnets.get(0)));
    elb.deleteLoadBalancer(r -> r.loadBalancerArn(web.loadBalancerArn()));
  }

  @Test
  void deleteTargetGroup_forwardedToByListener_resourceInUseUntilLoadBalancerGone() {
    LoadBalancer web = alb("web");
    TargetGroup targets = targetGroup("web-targets");
    elb.createListener(
        r ->
            r.loadBalancerArn(web.loadBalancerArn())
                .protocol("HTTP")
                .port(80)
                .defaultActions(a -> a.type("forward").targetGroupArn(targets.targetGroupArn())));
    targetGroup("unused");

    assertThat(
            elb.describeTargetGroups(r -> r.loadBalancerArn(web.loadBalancerArn())).targetGroups())
        .singleElement()
        .satisfies(g -> assertThat(g.loadBalancerArns()).containsExactly(web.loadBalancerArn()));
    assertAwsError(
        () -> elb.deleteTargetGroup(r -> r.targetGroupArn(targets.targetGroupArn())),
        ResourceInUseException.class,
        400,
        "ResourceInUse");
    elb.deleteLoadBalancer(r -> r.loadBalancerArn(web.loadBalancerArn()));
    elb.deleteTargetGroup(r -> r.targetGroupArn(targets.targetGroupArn()));
    assertAwsError(
        () -> elb.deleteTargetGroup(r -> r.targetGroupArn(targets.targetGroupArn())),
        TargetGroupNotFoundException.class,
        400,
        "TargetGroupNotFound");
    assertThat(elb.describeTargetGroups().targetGroups())
        .extracting(TargetGroup::targetGroupName)
        .containsExactly("unused");
    assertAwsError(
        () -> elb.describeTargetGroups(r -> r.targetGroupArns(targets.targetGroupArn())),
        TargetGroupNotFoundException.class,
        400,
        "TargetGroupNotFound");
  }

  @Test
  void createTargetGroup_sameNameOtherPort_duplicateTargetGroupName() {
    TargetGroup first = targetGroup("web-targets");

    assertThat(targetGroup("web-targets").targetGroupArn()).isEqualTo(first.targetGroupArn());
    assertAwsError(
        () ->
            elb.createTargetGroup(
                r -> r.name("web-targets").protocol("HTTP").port(8080).vpcId(vpcId)),
        DuplicateTargetGroupNameException.class,
        400,
        "DuplicateTargetGroupName");
  }

  @Test
  void tags_addRemoveDescribe_perResourceWithElbLimits() {
    LoadBalancer web = alb("web");
    TargetGroup targets = targetGroup("web-targets");
    List<String> both = List.of(web.loadBalancerArn(), targets.targetGroupArn());

    elb.addTags(r -> r.resourceArns(both).tags(tag("cluster", "orders"), tag("tier", "web")));
    elb.removeTags(r -> r.resourceArns(targets.targetGroupArn()).tagKeys("tier"));

    assertThat(elb.describeTags(r -> r.resourceArns(both)).tagDescriptions())
        .extracting(d -> d.resourceArn(), d -> d.tags().size())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(web.loadBalancerArn(), 2),
            org.assertj.core.groups.Tuple.tuple(targets.targetGroupArn(), 1));
    assertAwsError(
        () ->
            elb.describeTags(
                r ->
                    r.resourceArns(
                        IntStream.range(0, 21).mapToObj(i -> web.loadBalancerArn()).toList())),
        ElasticLoadBalancingV2Exception.class,
        400,
        "ValidationError");
    assertAwsError(
        () ->
            elb.addTags(
                r -> r.resourceArns(web.loadBalancerArn()).tags(tag("a", "1"), tag("a", "2"))),
        DuplicateTagKeysException.class,
        400,
        "DuplicateTagKeys");
    assertAwsError(
        () ->
            elb.addTags(
                r ->
                    r.resourceArns(web.loadBalancerArn())
                        .tags(IntStream.range(0, 49).mapToObj(i -> tag("k" + i, "v")).toList())),
        TooManyTagsException.class,
        400,
        "TooManyTags");
    assertAwsError(
        () -> elb.describeTags(r -> r.resourceArns(web.loadBalancerArn() + "0")),
        LoadBalancerNotFoundException.class,
        400,
        "LoadBalancerNotFound");
  }

  @Test
  void elbv2_throttled_throttling400() {
    aws.faults().throttle("DescribeLoadBalancers", 1.0);

    var error =
        assertAwsError(
            () -> elb.describeLoadBalancers(),
            ElasticLoadBalancingV2Exception.class,
            400,
            "Throttling");
    assertThat(error.isThrottlingException()).isTrue();
    assertThat(aws.faults().error("ElasticLoadBalancingV2", 500).awsErrorDetails().errorCode())
        .isEqualTo("InternalFailure");
  }

  /** Each answer got lost; the same call again finds what the first made, nothing doubles. */
  @Test
  void creates_lostAnswersThenSameCalls_oneOfEach() {
    aws.faults()
        .commitThenFail("CreateLoadBalancer", 500)
        .commitThenFail("CreateTargetGroup", 500)
        .commitThenFail("CreateListener", 500)
        .commitThenFail("AddTags", 500);
    assertAwsError(() -> alb("web"), ElasticLoadBalancingV2Exception.class, 500, "InternalFailure");
    LoadBalancer web = alb("web");
    assertAwsError(
        () -> targetGroup("web-targets"),
        ElasticLoadBalancingV2Exception.class,
        500,
        "InternalFailure");
    TargetGroup targets = targetGroup("web-targets");
    Runnable listen =
        () ->
            elb.createListener(
                r ->
                    r.loadBalancerArn(web.loadBalancerArn())
                        .protocol("HTTP")
                        .port(80)
                        .defaultActions(
                            a -> a.type("forward").targetGroupArn(targets.targetGroupArn())));
    assertThatThrownBy(listen::run).isInstanceOf(ElasticLoadBalancingV2Exception.class);
    listen.run();
    assertThatThrownBy(
            () -> elb.addTags(r -> r.resourceArns(web.loadBalancerArn()).tags(tag("a", "1"))))
        .isInstanceOf(ElasticLoadBalancingV2Exception.class);
    elb.addTags(r -> r.resourceArns(web.loadBalancerArn()).tags(tag("a", "1")));

    assertThat(elb.describeLoadBalancers().loadBalancers()).hasSize(1);
    assertThat(elb.describeTargetGroups().targetGroups()).hasSize(1);
    assertThat(elb.describeListeners(r -> r.loadBalancerArn(web.loadBalancerArn())).listeners())
        .hasSize(1);
    assertThat(
            elb.describeTags(r -> r.resourceArns(web.loadBalancerArn()))
                .tagDescriptions()
                .get(0)
                .tags())
        .containsExactly(tag("a", "1"));
    assertThat(interfaces()).hasSize(3);
  }

  @Test
  void deletes_lostAnswersThenSameCalls_goneWithoutError() {
    LoadBalancer web = alb("web");
    TargetGroup targets = targetGroup("web-targets");
    elb.addTags(r -> r.resourceArns(targets.targetGroupArn()).tags(tag("a", "1")));
    aws.faults()
        .commitThenFail("DeleteLoadBalancer", 500)
        .commitThenFail("DeleteTargetGroup", 500)
        .commitThenFail("RemoveTags", 500);

    assertAwsError(
        () -> elb.removeTags(r -> r.resourceArns(targets.targetGroupArn()).tagKeys("a")),
        ElasticLoadBalancingV2Exception.class,
        500,
        "InternalFailure");
    elb.removeTags(r -> r.resourceArns(targets.targetGroupArn()).tagKeys("a"));
    assertAwsError(
        () -> elb.deleteLoadBalancer(r -> r.loadBalancerArn(web.loadBalancerArn())),
        ElasticLoadBalancingV2Exception.class,
        500,
        "InternalFailure");
    elb.deleteLoadBalancer(r -> r.loadBalancerArn(web.loadBalancerArn()));
    assertAwsError(
        () -> elb.deleteTargetGroup(r -> r.targetGroupArn(targets.targetGroupArn())),
        ElasticLoadBalancingV2Exception.class,
        500,
        "InternalFailure");
    assertAwsError(
        () -> elb.deleteTargetGroup(r -> r.targetGroupArn(targets.targetGroupArn())),
        TargetGroupNotFoundException.class,
        400,
        "TargetGroupNotFound");

    assertThat(elb.describeLoadBalancers().loadBalancers()).isEmpty();
    assertThat(elb.describeTargetGroups().targetGroups()).isEmpty();
  }

  @Test
  void operation_theSimulationDoesNotModel_namesIt() {
    assertThatThrownBy(() -> elb.registerTargets(r -> r.targetGroupArn("arn")))
        .isInstanceOf(ElasticLoadBalancingV2Exception.class)
        .hasMessageStartingWith(
            "The simulated Elastic Load Balancing does not model RegisterTargets yet");
  }

  private LoadBalancer alb(String name) {
    return elb.createLoadBalancer(
            r -> r.name(name).subnets(subnets).securityGroups(securityGroupId))
        .loadBalancers()
        .get(0);
  }

  private TargetGroup targetGroup(String name) {
    return elb.createTargetGroup(r -> r.name(name).protocol("HTTP").port(80).vpcId(vpcId))
        .targetGroups()
        .get(0);
  }

  private String state(LoadBalancer balancer) {
    LoadBalancerStateEnum code =
        elb.describeLoadBalancers(r -> r.loadBalancerArns(balancer.loadBalancerArn()))
            .loadBalancers()
            .get(0)
            .state()
            .code();
    return code.toString();
  }

  private List<NetworkInterface> interfaces() {
    return ec2.describeNetworkInterfaces(
            r -> r.filters(f -> f.name("requester-id").values("amazon-elb")))
        .networkInterfaces();
  }

  private static Tag tag(String key, String value) {
    return Tag.builder().key(key).value(value).build();
  }
}
