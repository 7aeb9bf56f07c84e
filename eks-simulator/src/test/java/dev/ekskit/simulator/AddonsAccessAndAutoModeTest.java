package dev.ekskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.model.AccessScopeType;
import software.amazon.awssdk.services.eks.model.AddonStatus;
import software.amazon.awssdk.services.eks.model.AuthenticationMode;
import software.amazon.awssdk.services.eks.model.InvalidParameterException;
import software.amazon.awssdk.services.eks.model.InvalidRequestException;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eks.model.UpdateStatus;

/** The simulated EKS's rules for add-ons, access management and Auto Mode, as EKS answers them. */
class AddonsAccessAndAutoModeTest extends SimulatedAwsFixture {
  private static final String OPS = "arn:aws:iam::123456789012:role/ops";

  @Test
  void createAddon_versionForAnotherKubernetesVersion_invalidParameter() {
    activeCluster("orders");

    assertAwsError(
        () ->
            eks.createAddon(
                r ->
                    r.clusterName("orders")
                        .addonName("kube-proxy")
                        .addonVersion("v1.29.0-eksbuild.2")),
        InvalidParameterException.class,
        400,
        "InvalidParameterException");
  }

  @Test
  void updateAddon_sameToken_sameUpdateFollowedThroughDescribeUpdate() {
    activeCluster("orders");
    eks.createAddon(r -> r.clusterName("orders").addonName("vpc-cni"));
    aws.time().advance(Duration.ofMinutes(2));

    var first =
        eks.updateAddon(
                r ->
                    r.clusterName("orders")
                        .addonName("vpc-cni")
                        .addonVersion("v1.20.1-eksbuild.1")
                        .clientRequestToken("t"))
            .update();
    var repeat =
        eks.updateAddon(
                r ->
                    r.clusterName("orders")
                        .addonName("vpc-cni")
                        .addonVersion("v1.20.1-eksbuild.1")
                        .clientRequestToken("t"))
            .update();
    aws.time().advance(Duration.ofMinutes(2));

    assertThat(repeat.id()).isEqualTo(first.id());
    assertThat(
            eks.describeUpdate(r -> r.name("orders").addonName("vpc-cni").updateId(first.id()))
                .update()
                .status())
        .isEqualTo(UpdateStatus.SUCCESSFUL);
    var addon = eks.describeAddon(r -> r.clusterName("orders").addonName("vpc-cni")).addon();
    assertThat(addon.addonVersion()).isEqualTo("v1.20.1-eksbuild.1");
    assertThat(addon.status()).isEqualTo(AddonStatus.ACTIVE);
  }

  @Test
  void updateClusterConfig_authenticationModeBackwards_invalidParameter() {
    eks.createCluster(
        clusterRequest("orders").toBuilder()
            .accessConfig(a -> a.authenticationMode(AuthenticationMode.API))
            .build());
    aws.time().advance(Duration.ofMinutes(40));

    assertAwsError(
        () ->
            eks.updateClusterConfig(
                r ->
                    r.name("orders")
                        .accessConfig(
                            a -> a.authenticationMode(AuthenticationMode.API_AND_CONFIG_MAP))),
        InvalidParameterException.class,
        400,
        "InvalidParameterException");
  }

  @Test
  void associateAccessPolicy_again_replacesTheScope() {
    eks.createCluster(
        clusterRequest("orders").toBuilder()
            .accessConfig(a -> a.authenticationMode(AuthenticationMode.API))
            .build());
    aws.time().advance(Duration.ofMinutes(40));
    eks.createAccessEntry(r -> r.clusterName("orders").principalArn(OPS));
    String edit = "arn:aws:eks::aws:cluster-access-policy/AmazonEKSEditPolicy";

    eks.associateAccessPolicy(
        r ->
            r.clusterName("orders")
                .principalArn(OPS)
                .policyArn(edit)
                .accessScope(s -> s.type(AccessScopeType.CLUSTER)));
    eks.associateAccessPolicy(
        r ->
            r.clusterName("orders")
                .principalArn(OPS)
                .policyArn(edit)
                .accessScope(s -> s.type(AccessScopeType.NAMESPACE).namespaces("orders")));

    var policies =
        eks.listAssociatedAccessPolicies(r -> r.clusterName("orders").principalArn(OPS))
            .associatedAccessPolicies();
    assertThat(policies)
        .singleElement()
        .satisfies(p -> assertThat(p.accessScope().namespaces()).containsExactly("orders"));
    eks.disassociateAccessPolicy(r -> r.clusterName("orders").principalArn(OPS).policyArn(edit));
    assertAwsError(
        () ->
            eks.disassociateAccessPolicy(
                r -> r.clusterName("orders").principalArn(OPS).policyArn(edit)),
        ResourceNotFoundException.class,
        404,
        "ResourceNotFoundException");
  }

  @Test
  void associateAccessPolicy_nodeEntry_invalidRequest() {
    String nodeRole = aws.createRole("node", "ec2.amazonaws.com");
    eks.createCluster(
        clusterRequest("orders").toBuilder()
            .accessConfig(a -> a.authenticationMode(AuthenticationMode.API))
            .build());
    aws.time().advance(Duration.ofMinutes(40));
    eks.createAccessEntry(r -> r.clusterName("orders").principalArn(nodeRole).type("EC2_LINUX"));

    assertAwsError(
        () ->
            eks.associateAccessPolicy(
                r ->
                    r.clusterName("orders")
                        .principalArn(nodeRole)
                        .policyArn("arn:aws:eks::aws:cluster-access-policy/AmazonEKSViewPolicy")
                        .accessScope(s -> s.type(AccessScopeType.CLUSTER))),
        InvalidRequestException.class,
        400,
        "InvalidRequestException");
  }

  @Test
  void createCluster_autoModeWithoutLoadBalancing_invalidParameter() {
    assertAwsError(
        () ->
            eks.createCluster(
                clusterRequest("orders").toBuilder()
                    .accessConfig(a -> a.authenticationMode(AuthenticationMode.API))
                    .bootstrapSelfManagedAddons(false)
                    .computeConfig(c -> c.enabled(true))
                    .storageConfig(s -> s.blockStorage(b -> b.enabled(true)))
                    .build()),
        InvalidParameterException.class,
        400,
        "InvalidParameterException");
  }

  @Test
  void describeClusterVersions_defaultOnly_theDefault() {
    assertThat(eks.describeClusterVersions(r -> r.defaultOnly(true)).clusterVersions())
        .singleElement()
        .satisfies(v -> assertThat(v.clusterVersion()).isEqualTo("1.33"));
  }
}
