package dev.ekskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.NetworkInterface;
import software.amazon.awssdk.services.ec2.model.SecurityGroup;
import software.amazon.awssdk.services.elasticloadbalancingv2.ElasticLoadBalancingV2Client;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancer;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.LoadBalancerTypeEnum;
import software.amazon.awssdk.services.elasticloadbalancingv2.model.Tag;

/** What the AWS Load Balancer Controller and the in-tree cloud provider leave behind. */
class KubernetesControllersTest extends SimulatedAwsFixture {
  private final ElasticLoadBalancingV2Client elb = aws.elbv2();

  @Test
  void loadBalancerService_runningCluster_internalNlbInClusterVpcTaggedAsTheController() {
    String vpcId = activeCluster("orders").resourcesVpcConfig().vpcId();
    aws.calls().clear();

    ControllerLoadBalancer web = aws.kubernetes("orders").loadBalancerService("shop", "web");

    LoadBalancer balancer =
        elb.describeLoadBalancers(r -> r.loadBalancerArns(web.loadBalancerArn()))
            .loadBalancers()
            .get(0);
    assertThat(balancer.type()).isEqualTo(LoadBalancerTypeEnum.NETWORK);
    assertThat(balancer.schemeAsString()).isEqualTo("internal");
    assertThat(balancer.vpcId()).isEqualTo(vpcId);
    assertThat(balancer.loadBalancerName()).matches("k8s-shop-web-[0-9a-f]{10}");
    assertThat(balancer.securityGroups())
        .containsExactly(web.securityGroupId(), web.backendSecurityGroupId());
    assertThat(tags(web.loadBalancerArn()))
        .isEqualTo(
            Map.of(
                "elbv2.k8s.aws/cluster", "orders",
                "service.k8s.aws/stack", "shop/web",
                "service.k8s.aws/resource", "LoadBalancer"));
    assertThat(tags(web.targetGroupArn())).containsEntry("elbv2.k8s.aws/cluster", "orders");
    assertThat(securityGroup(web.securityGroupId()).tags())
        .extracting(t -> t.key() + "=" + t.value())
        .contains("elbv2.k8s.aws/cluster=orders", "service.k8s.aws/stack=shop/web");
    assertThat(securityGroup(web.backendSecurityGroupId()).tags())
        .extracting(t -> t.key() + "=" + t.value())
        .contains("elbv2.k8s.aws/cluster=orders", "elbv2.k8s.aws/resource=backend-sg");
    assertThat(interfacesDescribed("ELB net/" + balancer.loadBalancerName() + "/*")).hasSize(3);
    assertThat(aws.calls().all()).extracting(Call::operation).doesNotContain("CreateLoadBalancer");
  }

  @Test
  void ingress_runningCluster_applicationLoadBalancerWithIngressTags() {
    activeCluster("orders");

    ControllerLoadBalancer shop = aws.kubernetes("orders").ingress("shop", "storefront");

    assertThat(
            elb.describeLoadBalancers(r -> r.loadBalancerArns(shop.loadBalancerArn()))
                .loadBalancers()
                .get(0)
                .type())
        .isEqualTo(LoadBalancerTypeEnum.APPLICATION);
    assertThat(tags(shop.loadBalancerArn()))
        .containsEntry("ingress.k8s.aws/stack", "shop/storefront")
        .containsEntry("ingress.k8s.aws/resource", "LoadBalancer")
        .containsEntry("elbv2.k8s.aws/cluster", "orders");
  }

  @Test
  void loadBalancerService_twice_findsWhatItMadeAndSharesTheBackendGroup() {
    activeCluster("orders");
    ControllerLoadBalancer first = aws.kubernetes("orders").loadBalancerService("web");

    ControllerLoadBalancer again = aws.kubernetes("orders").loadBalancerService("web");
    ControllerLoadBalancer other = aws.kubernetes("orders").loadBalancerService("api");

    assertThat(again).isEqualTo(first);
    assertThat(other.backendSecurityGroupId()).isEqualTo(first.backendSecurityGroupId());
    assertThat(other.securityGroupId()).isNotEqualTo(first.securityGroupId());
    assertThat(elb.describeLoadBalancers().loadBalancers()).hasSize(2);
    assertThat(elb.describeTargetGroups().targetGroups()).hasSize(2);
  }

  @Test
  void classicLoadBalancerService_runningCluster_interfacesAndOwnedSecurityGroupBlockTheSubnets() {
    activeCluster("orders");

    ClassicLoadBalancerTraces traces =
        aws.kubernetes("orders").classicLoadBalancerService("shop", "web");

    assertThat(traces.loadBalancerName()).matches("a[0-9a-f]{31}");
    assertThat(interfacesDescribed("ELB " + traces.loadBalancerName()))
        .hasSize(3)
        .allSatisfy(
            eni -> {
              assertThat(eni.requesterId()).isEqualTo("amazon-elb");
              assertThat(eni.groups())
                  .extracting(g -> g.groupId())
                  .containsExactly(traces.securityGroupId());
            })
        .extracting(NetworkInterface::networkInterfaceId)
        .containsExactlyInAnyOrderElementsOf(traces.networkInterfaceIds());
    SecurityGroup group = securityGroup(traces.securityGroupId());
    assertThat(group.groupName()).isEqualTo("k8s-elb-" + traces.loadBalancerName());
    assertThat(group.tags())
        .extracting(t -> t.key() + "=" + t.value())
        .containsExactly("kubernetes.io/cluster/orders=owned");
    assertThat(aws.kubernetes("orders").classicLoadBalancerService("shop", "web"))
        .isEqualTo(traces);
    assertAwsError(
        () -> aws.ec2().deleteSecurityGroup(r -> r.groupId(traces.securityGroupId())),
        Ec2Exception.class,
        400,
        "DependencyViolation");
  }

  @Test
  void kubernetes_clusterMissingOrNotRunning_illegalState() {
    eks.createCluster(clusterRequest("creating"));

    assertThatThrownBy(() -> aws.kubernetes("nobody").loadBalancerService("web"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("nobody");
    assertThatThrownBy(() -> aws.kubernetes("creating").loadBalancerService("web"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("CREATING");
    assertThatThrownBy(() -> aws.kubernetes("creating").ingress("shop", " "))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void deleteCluster_controllersLoadBalancer_staysUntilDeletedOnItsOwn() {
    activeCluster("orders");
    ControllerLoadBalancer web = aws.kubernetes("orders").loadBalancerService("web");

    eks.deleteCluster(r -> r.name("orders"));
    aws.time().advance(Duration.ofMinutes(30));

    assertThat(
            elb.describeTags(r -> r.resourceArns(web.loadBalancerArn()))
                .tagDescriptions()
                .get(0)
                .tags())
        .contains(Tag.builder().key("elbv2.k8s.aws/cluster").value("orders").build());
  }

  private Map<String, String> tags(String arn) {
    return elb.describeTags(r -> r.resourceArns(arn)).tagDescriptions().get(0).tags().stream()
        .collect(Collectors.toMap(Tag::key, Tag::value));
  }

  private SecurityGroup securityGroup(String id) {
    return aws.ec2().describeSecurityGroups(r -> r.groupIds(id)).securityGroups().get(0);
  }

  private List<NetworkInterface> interfacesDescribed(String description) {
    return aws
        .ec2()
        .describeNetworkInterfaces(r -> r.filters(f -> f.name("requester-id").values("amazon-elb")))
        .networkInterfaces()
        .stream()
        .filter(
            eni ->
                description.endsWith("*")
                    ? eni.description()
                        .startsWith(description.substring(0, description.length() - 1))
                    : eni.description().equals(description))
        .toList();
  }
}
