package dev.ekskit.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.BlueprintDeletion;
import dev.ekskit.core.ClusterBlueprint;
import dev.ekskit.core.DeleteOptions;
import dev.ekskit.core.DeletionRefusedException;
import dev.ekskit.simulator.ControllerLoadBalancer;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.iam.model.Role;

/**
 * A blueprint's delete: load balancers Kubernetes controllers left stop it before anything goes,
 * unless asked to delete them; then nothing the blueprint made is left.
 */
class BlueprintDeleteSimTest extends SimulationTest {
  private static final String CLUSTER = BlueprintSimTest.CLUSTER;
  private final ClusterBlueprint blueprint = BlueprintSimTest.blueprint().build();

  @BeforeEach
  void applied() {
    kit.blueprints().apply(blueprint).join();
    aws.calls().clear();
  }

  private List<String> vpcsOfTheBlueprint() {
    return aws
        .ec2()
        .describeVpcs(
            r ->
                r.filters(
                    Filter.builder().name("tag:ekskit.dev/blueprint").values(CLUSTER).build()))
        .vpcs()
        .stream()
        .map(vpc -> vpc.vpcId())
        .toList();
  }

  private List<String> rolesLeft() {
    return aws.iam().listRoles().roles().stream()
        .map(Role::roleName)
        .filter(name -> name.startsWith("orders-"))
        .toList();
  }

  private void assertNothingLeft() {
    assertThat(aws.eks().listClusters().clusters()).isEmpty();
    assertThat(vpcsOfTheBlueprint()).isEmpty();
    assertThat(rolesLeft()).isEmpty();
    assertThat(aws.iam().listOpenIDConnectProviders().openIDConnectProviderList()).isEmpty();
    assertThat(aws.elbv2().describeLoadBalancers().loadBalancers()).isEmpty();
    assertThat(aws.elbv2().describeTargetGroups().targetGroups()).isEmpty();
  }

  @Test
  void delete_nothingLeftBehindByControllers_removesEverythingTheBlueprintMade() {
    BlueprintDeletion deleted = kit.blueprints().delete(blueprint).join();

    assertThat(deleted.cluster().clusterDeleted()).isTrue();
    assertThat(deleted.cluster().addons()).contains("vpc-cni", "coredns");
    assertThat(deleted.networkParts()).isNotEmpty();
    assertThat(deleted.loadBalancers()).isEmpty();
    assertNothingLeft();
  }

  @Test
  void delete_byNameOnly_findsTheNetworkByItsTag() {
    kit.blueprints().delete(CLUSTER, DeleteOptions.defaults()).join();

    assertNothingLeft();
  }

  @Test
  void delete_controllerLoadBalancerLeft_isRefusedListingItBeforeAnythingIsDeleted() {
    ControllerLoadBalancer web = aws.kubernetes(CLUSTER).loadBalancerService("shop", "web");

    assertThatThrownBy(() -> kit.blueprints().delete(blueprint).join())
        .isInstanceOfSatisfying(
            DeletionRefusedException.class,
            e -> {
              assertThat(e.heldBy())
                  .anyMatch(held -> held.startsWith("load balancer k8s-shop-web"))
                  .anyMatch(held -> held.startsWith("target group " + web.targetGroupArn()))
                  .anyMatch(held -> held.contains(web.securityGroupId()))
                  .anyMatch(held -> held.contains(web.backendSecurityGroupId()));
              assertThat(e.reason()).contains("deleteLoadBalancers(true)", "kubectl delete");
            });
    assertThat(aws.calls().mutatingCount()).isZero();
    assertThat(aws.eks().listClusters().clusters()).containsExactly(CLUSTER);
  }

  @Test
  void delete_controllerLoadBalancersAskedToGo_deletesThemAfterTheClusterThenTheNetwork() {
    aws.kubernetes(CLUSTER).loadBalancerService("shop", "web");
    aws.kubernetes(CLUSTER).ingress("shop", "storefront");

    BlueprintDeletion deleted =
        kit.blueprints()
            .delete(blueprint, DeleteOptions.builder().deleteLoadBalancers(true).build())
            .join();

    assertThat(deleted.loadBalancers())
        .filteredOn(what -> what.startsWith("load balancer"))
        .hasSize(2);
    assertThat(deleted.loadBalancers())
        .filteredOn(what -> what.startsWith("security group"))
        .hasSize(3);
    assertNothingLeft();
  }

  @Test
  void delete_classicLoadBalancerLeft_isRefusedEvenWhenAskedToDeleteLoadBalancers() {
    aws.kubernetes(CLUSTER).classicLoadBalancerService("shop", "legacy");

    assertThatThrownBy(
            () ->
                kit.blueprints()
                    .delete(blueprint, DeleteOptions.builder().deleteLoadBalancers(true).build())
                    .join())
        .isInstanceOfSatisfying(
            DeletionRefusedException.class,
            e -> {
              assertThat(e.heldBy()).anyMatch(held -> held.startsWith("classic load balancer a"));
              assertThat(e.reason()).contains("aws elb delete-load-balancer");
            });
    assertThat(aws.calls().mutatingCount()).isZero();
  }

  @Test
  void delete_keepingRoles_leavesTheRolesAndProviderMadeForTheCluster() {
    kit.blueprints().delete(blueprint, DeleteOptions.builder().keepRoles(true).build()).join();

    assertThat(aws.eks().listClusters().clusters()).isEmpty();
    assertThat(vpcsOfTheBlueprint()).isEmpty();
    assertThat(rolesLeft())
        .containsExactlyInAnyOrder(
            "orders-cluster", "orders-nodes", "orders-ebs-csi", "orders-api");
    assertThat(aws.iam().listOpenIDConnectProviders().openIDConnectProviderList()).hasSize(1);
  }
}
