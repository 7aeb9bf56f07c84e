package dev.ekskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.model.InvalidParameterException;
import software.amazon.awssdk.services.eks.model.ResourceInUseException;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/**
 * What EKS Pod Identity and IRSA need of the simulated account, as AWS answers: OIDC providers,
 * inline policies, Pod Identity associations, and EKS refusing a role IAM has not propagated.
 */
class WorkloadIdentityTest extends SimulatedAwsFixture {
  private static final String ISSUER = "https://oidc.eks.us-east-1.amazonaws.com/id/EX4MPLE";
  private static final String EKS_TRUST =
      "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
          + "\"Principal\":{\"Service\":\"eks.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}";

  private final IamClient iam = aws.iam();

  @Test
  void createOpenIdConnectProvider_noThumbprint_iamFillsOneAndAnswersUrlWithoutScheme() {
    String arn =
        iam.createOpenIDConnectProvider(r -> r.url(ISSUER).clientIDList("sts.amazonaws.com"))
            .openIDConnectProviderArn();

    var provider = iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn));
    assertThat(arn)
        .isEqualTo(
            "arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EX4MPLE");
    assertThat(provider.url()).isEqualTo("oidc.eks.us-east-1.amazonaws.com/id/EX4MPLE");
    assertThat(provider.thumbprintList()).singleElement().asString().hasSize(40);
    assertAwsError(
        () -> iam.createOpenIDConnectProvider(r -> r.url(ISSUER)),
        EntityAlreadyExistsException.class,
        409,
        "EntityAlreadyExists");
    iam.deleteOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn));
    assertAwsError(
        () -> iam.deleteOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn)),
        NoSuchEntityException.class,
        404,
        "NoSuchEntity");
  }

  @Test
  void deleteRole_inlinePolicyLeft_deleteConflictUntilItIsGone() {
    iam.createRole(r -> r.roleName("app").assumeRolePolicyDocument(EKS_TRUST));
    iam.putRolePolicy(r -> r.roleName("app").policyName("inline").policyDocument("{}"));

    assertAwsError(
        () -> iam.deleteRole(r -> r.roleName("app")),
        DeleteConflictException.class,
        409,
        "DeleteConflict");
    iam.deleteRolePolicy(r -> r.roleName("app").policyName("inline"));
    iam.deleteRole(r -> r.roleName("app"));
    assertThat(iam.listRoles().roles()).isEmpty();
  }

  @Test
  void createCluster_roleJustCreated_refusedUntilIamHasPropagatedIt() {
    aws.durations().rolePropagation(Duration.ofSeconds(10));
    String arn =
        iam.createRole(r -> r.roleName("fresh").assumeRolePolicyDocument(EKS_TRUST)).role().arn();

    assertAwsError(
        () -> eks.createCluster(clusterRequest("orders").toBuilder().roleArn(arn).build()),
        InvalidParameterException.class,
        400,
        "InvalidParameterException");
    aws.time().advance(Duration.ofSeconds(10));
    eks.createCluster(clusterRequest("orders").toBuilder().roleArn(arn).build());
    assertThat(eks.listClusters().clusters()).containsExactly("orders");
  }

  @Test
  void createCluster_roleNotTrustingEks_alwaysRefused() {
    String nodeRole = aws.createRole("node", "ec2.amazonaws.com");

    assertAwsError(
        () -> eks.createCluster(clusterRequest("orders").toBuilder().roleArn(nodeRole).build()),
        InvalidParameterException.class,
        400,
        "InvalidParameterException");
  }

  @Test
  void createPodIdentityAssociation_repeats_sameTokenIdempotentOtherToken409() {
    activeCluster("orders");
    var first =
        eks.createPodIdentityAssociation(
                r ->
                    r.clusterName("orders")
                        .namespace("shop")
                        .serviceAccount("web")
                        .roleArn(ROLE)
                        .clientRequestToken("t1"))
            .association();

    var repeat =
        eks.createPodIdentityAssociation(
                r ->
                    r.clusterName("orders")
                        .namespace("shop")
                        .serviceAccount("web")
                        .roleArn(ROLE)
                        .clientRequestToken("t1"))
            .association();
    var conflict =
        assertAwsError(
            () ->
                eks.createPodIdentityAssociation(
                    r ->
                        r.clusterName("orders")
                            .namespace("shop")
                            .serviceAccount("web")
                            .roleArn(ROLE)
                            .clientRequestToken("t2")),
            ResourceInUseException.class,
            409,
            "ResourceInUseException");

    assertThat(repeat.associationId()).isEqualTo(first.associationId());
    assertThat(first.associationId()).matches("a-[0-9a-f]{17}");
    assertThat(conflict.awsErrorDetails().errorMessage())
        .isEqualTo("Association already exists: " + first.associationId());
  }

  @Test
  void podIdentityAssociations_clusterDeleted_goneWithIt() {
    activeCluster("orders");
    var association =
        eks.createPodIdentityAssociation(
                r -> r.clusterName("orders").namespace("shop").serviceAccount("web").roleArn(ROLE))
            .association();
    eks.updatePodIdentityAssociation(
        r ->
            r.clusterName("orders")
                .associationId(association.associationId())
                .roleArn("arn:aws:iam::123456789012:role/other"));
    assertThat(
            eks.listPodIdentityAssociations(r -> r.clusterName("orders").namespace("shop"))
                .associations())
        .hasSize(1);

    eks.deleteCluster(r -> r.name("orders"));
    aws.time().advance(Duration.ofMinutes(15));

    assertAwsError(
        () -> eks.listPodIdentityAssociations(r -> r.clusterName("orders")),
        ResourceNotFoundException.class,
        404,
        "ResourceNotFoundException");
    activeCluster("orders");
    assertThat(eks.listPodIdentityAssociations(r -> r.clusterName("orders")).associations())
        .isEmpty();
  }
}
