package dev.ekskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.model.RouteTable;
import software.amazon.awssdk.services.eks.model.Addon;
import software.amazon.awssdk.services.eks.model.AddonIssueCode;
import software.amazon.awssdk.services.eks.model.AddonStatus;
import software.amazon.awssdk.services.eks.model.FargateProfile;
import software.amazon.awssdk.services.eks.model.FargateProfileIssueCode;
import software.amazon.awssdk.services.eks.model.FargateProfileStatus;
import software.amazon.awssdk.services.eks.model.ResourceInUseException;

/** What Fargate-only clusters need of the simulation: route tables, failed profiles, coredns. */
class FargateAndCoreDnsTest extends SimulatedAwsFixture {

  @BeforeEach
  void activeOrders() {
    activeCluster("orders");
  }

  private Addon coreDns() {
    return eks.describeAddon(r -> r.clusterName("orders").addonName("coredns")).addon();
  }

  private void kubeSystemProfile() {
    eks.createFargateProfile(
        r ->
            r.clusterName("orders")
                .fargateProfileName("system")
                .podExecutionRoleArn("arn:aws:iam::123456789012:role/pods")
                .selectors(s -> s.namespace("kube-system")));
  }

  @Test
  void describeRouteTables_vpc_onlyMainTableWithLocalRoute() {
    String vpc =
        aws.ec2().describeSubnets(r -> r.subnetIds(subnets.get(0))).subnets().get(0).vpcId();

    var tables =
        aws.ec2()
            .describeRouteTables(r -> r.filters(f -> f.name("vpc-id").values(vpc)))
            .routeTables();

    assertThat(tables).singleElement().extracting(RouteTable::vpcId).isEqualTo(vpc);
    assertThat(tables.get(0).associations()).singleElement().matches(a -> a.main());
    assertThat(tables.get(0).routes()).singleElement().matches(r -> r.gatewayId().equals("local"));
  }

  @Test
  void routeToInternet_subnet_ownTableWithDefaultRouteToIgw() {
    aws.routeToInternet(subnets.get(1));

    var tables = aws.ec2().describeRouteTables(r -> {}).routeTables();

    assertThat(tables).hasSize(2);
    RouteTable publicTable =
        tables.stream()
            .filter(t -> t.associations().get(0).subnetId() != null)
            .findFirst()
            .orElseThrow();
    assertThat(publicTable.associations().get(0).subnetId()).isEqualTo(subnets.get(1));
    assertThat(publicTable.routes())
        .anyMatch(
            r -> r.destinationCidrBlock().equals("0.0.0.0/0") && r.gatewayId().startsWith("igw-"));
    assertThat(aws.calls().all()).noneMatch(c -> c.operation().equals("RouteToInternet"));
  }

  @Test
  void failFargateProfileCreate_profile_endsCreateFailedWithIssue() {
    aws.faults().failFargateProfileCreate("orders", "system");
    kubeSystemProfile();
    aws.time().advance(Duration.ofMinutes(10));

    FargateProfile profile =
        eks.describeFargateProfile(r -> r.clusterName("orders").fargateProfileName("system"))
            .fargateProfile();

    assertThat(profile.status()).isEqualTo(FargateProfileStatus.CREATE_FAILED);
    assertThat(profile.health().issues())
        .singleElement()
        .matches(i -> i.code() == FargateProfileIssueCode.INTERNAL_FAILURE);
  }

  @Test
  void coreDns_noCapacity_degradedWithReplicaIssue() {
    eks.createAddon(r -> r.clusterName("orders").addonName("coredns"));
    aws.time().advance(Duration.ofMinutes(5));

    assertThat(coreDns().status()).isEqualTo(AddonStatus.DEGRADED);
    assertThat(coreDns().health().issues())
        .singleElement()
        .matches(i -> i.code() == AddonIssueCode.INSUFFICIENT_NUMBER_OF_REPLICAS);
  }

  @Test
  void updateAddon_computeTypeFargateWithKubeSystemProfile_updatingThenActive() {
    eks.createAddon(r -> r.clusterName("orders").addonName("coredns"));
    kubeSystemProfile();
    aws.time().advance(Duration.ofMinutes(10));
    assertThat(coreDns().status())
        .as("profile alone is not enough")
        .isEqualTo(AddonStatus.DEGRADED);

    eks.updateAddon(
        r ->
            r.clusterName("orders")
                .addonName("coredns")
                .configurationValues("{\"computeType\":\"Fargate\"}"));

    assertThat(coreDns().status()).isEqualTo(AddonStatus.UPDATING);
    assertAwsError(
        () -> eks.updateAddon(r -> r.clusterName("orders").addonName("coredns")),
        ResourceInUseException.class,
        409,
        "ResourceInUseException");
    aws.time().advance(Duration.ofMinutes(5));
    assertThat(coreDns().status()).isEqualTo(AddonStatus.ACTIVE);
    assertThat(coreDns().configurationValues()).isEqualTo("{\"computeType\":\"Fargate\"}");
  }

  @Test
  void describeAddonConfiguration_coredns_schemaHasComputeType() {
    String version =
        eks.describeAddonVersions(r -> r.addonName("coredns").kubernetesVersion("1.33"))
            .addons()
            .get(0)
            .addonVersions()
            .get(0)
            .addonVersion();

    String schema =
        eks.describeAddonConfiguration(r -> r.addonName("coredns").addonVersion(version))
            .configurationSchema();

    assertThat(schema).contains("\"computeType\":{\"type\":\"string\"}");
  }
}
