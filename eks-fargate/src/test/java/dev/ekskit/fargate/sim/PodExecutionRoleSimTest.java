package dev.ekskit.fargate.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.ekskit.core.EksKit;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.PartialCreationException;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.spi.Tags;
import dev.ekskit.fargate.FargateProfiles;
import dev.ekskit.fargate.PodExecutionRoleSpec;
import dev.ekskit.simulator.Call;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/** The pod execution role: made of the role and its policy attachment, each made once. */
class PodExecutionRoleSimTest extends FargateSimTest {
  private static final String ROLE = "orders-fargate-pods";
  private static final String POLICY =
      "arn:aws:iam::aws:policy/AmazonEKSFargatePodExecutionRolePolicy";
  private static final PodExecutionRoleSpec SPEC = PodExecutionRoleSpec.of(CLUSTER, ROLE);

  private Role role() {
    return aws.iam().getRole(r -> r.roleName(ROLE)).role();
  }

  private List<String> attachedPolicies() {
    return aws.iam().listAttachedRolePolicies(r -> r.roleName(ROLE)).attachedPolicies().stream()
        .map(AttachedPolicy::policyArn)
        .toList();
  }

  @Test
  void createPodExecutionRole_new_trustScopedPolicyAttachedTagged() {
    String arn = fargate.createPodExecutionRole(SPEC).join();

    assertThat(role().arn()).isEqualTo(arn);
    assertThat(URLDecoder.decode(role().assumeRolePolicyDocument(), StandardCharsets.UTF_8))
        .contains("\"Service\":\"eks-fargate-pods.amazonaws.com\"")
        .contains(":fargateprofile/orders/*");
    assertThat(attachedPolicies()).containsExactly(POLICY);
    assertThat(role().tags())
        .extracting(Tag::key, Tag::value)
        .contains(tuple(Tags.MANAGED_BY, Tags.MANAGED_BY_VALUE), tuple(Tags.CLUSTER, CLUSTER));
  }

  @Test
  void createPodExecutionRole_createRoleResponseLost_sameCallAdoptsTheOneRole() {
    aws.faults().commitThenFail("CreateRole", 500);

    String arn = fargate.createPodExecutionRole(SPEC).join();

    assertThat(role().arn()).isEqualTo(arn);
    assertThat(attachedPolicies()).containsExactly(POLICY);
    assertThat(calls("CreateRole")).extracting(Call::succeeded).containsExactly(false, false);
    assertThat(calls("CreateRole").get(1).errorCode()).isEqualTo("EntityAlreadyExists");
  }

  @Test
  void createPodExecutionRole_attachResponseLost_sameCallCompletesAttachedOnce() {
    aws.faults().commitThenFail("AttachRolePolicy", 500);

    assertThat(fargate.createPodExecutionRole(SPEC).join()).isEqualTo(role().arn());

    assertThat(attachedPolicies()).containsExactly(POLICY);
    assertThat(calls("AttachRolePolicy")).hasSize(2).last().matches(Call::succeeded);
  }

  @Test
  void createPodExecutionRole_attachRefused_partialCreationNamesTheRole() {
    aws.faults().failNext("AttachRolePolicy", 403);

    assertThatThrownBy(() -> fargate.createPodExecutionRole(SPEC).join())
        .isInstanceOfSatisfying(
            PartialCreationException.class,
            e -> {
              assertThat(e.existing())
                  .containsExactly(ResourceRef.child("iam-role", CLUSTER, ROLE));
              assertThat(e.cleanup()).contains("delete IAM role " + ROLE);
            });
    assertThat(fargate.createPodExecutionRole(SPEC).join())
        .as("a second run finishes the job")
        .isEqualTo(role().arn());
    assertThat(attachedPolicies()).containsExactly(POLICY);
  }

  @Test
  void createPodExecutionRole_kitWithoutIamClient_refusedBeforeAnyCall() {
    try (EksKit withoutIam = EksKit.builder().eksClient(aws.eks()).ec2Client(aws.ec2()).build()) {
      FargateProfiles fargateWithoutIam = FargateProfiles.of(withoutIam);

      assertThatThrownBy(() -> fargateWithoutIam.createPodExecutionRole(SPEC))
          .isInstanceOf(InvalidSpecException.class)
          .hasMessageContaining("iamClient");
    }
    assertThat(aws.calls().all()).isEmpty();
  }
}
