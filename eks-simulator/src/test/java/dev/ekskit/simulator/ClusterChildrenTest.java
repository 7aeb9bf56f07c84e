package dev.ekskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.model.AddonStatus;
import software.amazon.awssdk.services.eks.model.CreateFargateProfileRequest;
import software.amazon.awssdk.services.eks.model.CreateNodegroupRequest;
import software.amazon.awssdk.services.eks.model.FargateProfileStatus;
import software.amazon.awssdk.services.eks.model.NodegroupStatus;
import software.amazon.awssdk.services.eks.model.ResourceInUseException;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;

class ClusterChildrenTest extends SimulatedAwsFixture {

  @BeforeEach
  void activeOrders() {
    activeCluster("orders");
  }

  @Test
  void deleteCluster_withNodegroup_throwsResourceInUse409() {
    eks.createNodegroup(nodegroup("general"));

    var error =
        assertAwsError(
            () -> eks.deleteCluster(r -> r.name("orders")),
            ResourceInUseException.class,
            409,
            "ResourceInUseException");

    assertThat(error.awsErrorDetails().errorMessage()).isEqualTo("Cluster has nodegroups attached");
  }

  @Test
  void createFargateProfile_whileAnotherIsCreating_throwsResourceInUse() {
    eks.createFargateProfile(profile("batch"));

    var error =
        assertAwsError(
            () -> eks.createFargateProfile(profile("web")),
            ResourceInUseException.class,
            409,
            "ResourceInUseException");

    assertThat(error.awsErrorDetails().errorMessage())
        .isEqualTo(
            "Cannot create Fargate Profile web because"
                + " cluster orders currently has Fargate profile batch in status CREATING");
  }

  @Test
  void createNodegroup_sameToken_isIdempotentAndOtherTokenConflicts() {
    String first = eks.createNodegroup(nodegroup("general")).nodegroup().nodegroupArn();

    String repeat = eks.createNodegroup(nodegroup("general")).nodegroup().nodegroupArn();

    assertThat(repeat).isEqualTo(first);
    assertAwsError(
        () ->
            eks.createNodegroup(
                nodegroup("general").toBuilder().clientRequestToken("other").build()),
        ResourceInUseException.class,
        409,
        "ResourceInUseException");
  }

  @Test
  void cascadeDelete_childrenThenCluster_leavesNothing() {
    eks.createNodegroup(nodegroup("general"));
    eks.createFargateProfile(profile("batch"));
    eks.createAddon(r -> r.clusterName("orders").addonName("vpc-cni"));
    aws.time().advance(Duration.ofMinutes(10));
    assertThat(
            eks.describeNodegroup(r -> r.clusterName("orders").nodegroupName("general"))
                .nodegroup()
                .status())
        .isEqualTo(NodegroupStatus.ACTIVE);
    assertThat(
            eks.describeFargateProfile(r -> r.clusterName("orders").fargateProfileName("batch"))
                .fargateProfile()
                .status())
        .isEqualTo(FargateProfileStatus.ACTIVE);
    assertThat(
            eks.describeAddon(r -> r.clusterName("orders").addonName("vpc-cni")).addon().status())
        .isEqualTo(AddonStatus.ACTIVE);

    eks.deleteNodegroup(r -> r.clusterName("orders").nodegroupName("general"));
    eks.deleteFargateProfile(r -> r.clusterName("orders").fargateProfileName("batch"));
    aws.time().advance(Duration.ofMinutes(10));
    eks.deleteCluster(r -> r.name("orders"));
    aws.time().advance(Duration.ofMinutes(15));

    assertThat(eks.listClusters(r -> {}).clusters()).isEmpty();
    assertAwsError(
        () -> eks.listAddons(r -> r.clusterName("orders")),
        ResourceNotFoundException.class,
        404,
        "ResourceNotFoundException");
  }

  private CreateNodegroupRequest nodegroup(String name) {
    return CreateNodegroupRequest.builder()
        .clusterName("orders")
        .nodegroupName(name)
        .clientRequestToken(name)
        .nodeRole("arn:aws:iam::123456789012:role/node")
        .subnets(subnets)
        .scalingConfig(s -> s.minSize(1).desiredSize(2).maxSize(3))
        .build();
  }

  private CreateFargateProfileRequest profile(String name) {
    return CreateFargateProfileRequest.builder()
        .clusterName("orders")
        .fargateProfileName(name)
        .podExecutionRoleArn("arn:aws:iam::123456789012:role/pods")
        .selectors(s -> s.namespace(name))
        .build();
  }
}
