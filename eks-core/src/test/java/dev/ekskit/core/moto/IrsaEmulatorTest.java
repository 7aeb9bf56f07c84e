package dev.ekskit.core.moto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.EksKit;
import dev.ekskit.core.OidcProviderInfo;
import dev.ekskit.core.RoleInfo;
import dev.ekskit.core.ServiceAccountRoleSpec;
import dev.ekskit.simulator.moto.MotoAccount;
import dev.ekskit.simulator.moto.MotoTest;
import dev.ekskit.testkit.EmulatedKit;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GetOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * IRSA with the SDK's real clients against moto_server: moto gives each cluster an OIDC issuer and
 * keeps IAM OpenID Connect providers, so provider and role are checked from outside, and a cluster
 * delete is seen to take both along.
 */
@MotoTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IrsaEmulatorTest {
  private final IamClient iam;
  private final List<String> subnets;
  private final String accountId;
  private final EksKit kit;

  IrsaEmulatorTest(MotoAccount account) {
    iam = account.client(IamClient.builder());
    Ec2Client ec2 = account.client(Ec2Client.builder());
    subnets = EmulatedKit.subnets(ec2, "us-east-1a", "us-east-1b");
    accountId = account.accountId();
    kit = EmulatedKit.builder(account.client(EksClient.builder()), ec2).iamClient(iam).build();
  }

  @AfterAll
  void closeKit() {
    kit.close();
  }

  @Test
  void createServiceAccountRole_onEmulator_providerAndTrustSeenFromOutsideThenDeleted() {
    String issuer = cluster("emu-irsa").sdkCluster().identity().oidc().issuer();

    OidcProviderInfo provider = kit.irsa().createOidcProvider("emu-irsa").join();
    RoleInfo role = kit.irsa().createServiceAccountRole(spec("emu-irsa", "emu-irsa-app")).join();

    GetOpenIdConnectProviderResponse seen =
        iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(provider.arn()));
    assertThat("https://" + seen.url()).isEqualTo(issuer);
    assertThat(seen.clientIDList()).containsExactly("sts.amazonaws.com");
    assertThat(seen.tags().stream().collect(Collectors.toMap(Tag::key, Tag::value)))
        .containsEntry("ekskit.dev/cluster", "emu-irsa");
    String trust =
        URLDecoder.decode(
            iam.getRole(r -> r.roleName(role.name())).role().assumeRolePolicyDocument(),
            StandardCharsets.UTF_8);
    assertThat(trust)
        .contains(
            provider.arn(), "system:serviceaccount:apps:web", "sts:AssumeRoleWithWebIdentity");

    assertThat(kit.roles().delete(role.name()).join().deleted()).isTrue();
    assertThat(kit.irsa().deleteOidcProvider("emu-irsa").join().deleted()).isTrue();

    assertThatThrownBy(() -> iam.getRole(r -> r.roleName(role.name())))
        .isInstanceOf(NoSuchEntityException.class);
    assertThat(iam.listOpenIDConnectProviders().openIDConnectProviderList())
        .noneMatch(p -> p.arn().equals(provider.arn()));
  }

  @Test
  void clusterDelete_onEmulator_providerAndRoleMadeForItGone() {
    cluster("emu-cascade");
    RoleInfo role =
        kit.irsa().createServiceAccountRole(spec("emu-cascade", "emu-cascade-app")).join();
    String providerArn = kit.irsa().describeOidcProvider("emu-cascade").orElseThrow().arn();

    kit.clusters().delete("emu-cascade").join();

    assertThatThrownBy(() -> iam.getRole(r -> r.roleName(role.name())))
        .isInstanceOf(NoSuchEntityException.class);
    assertThat(iam.listOpenIDConnectProviders().openIDConnectProviderList())
        .noneMatch(p -> p.arn().equals(providerArn));
  }

  private ClusterInfo cluster(String name) {
    return kit.clusters()
        .create(
            ClusterSpec.builder()
                .name(name)
                .kubernetesVersion("1.33")
                .roleArn("arn:aws:iam::" + accountId + ":role/eks-cluster")
                .subnetIds(subnets)
                .build())
        .join();
  }

  private static ServiceAccountRoleSpec spec(String cluster, String roleName) {
    return ServiceAccountRoleSpec.builder()
        .clusterName(cluster)
        .namespace("apps")
        .serviceAccount("web")
        .role(
            r ->
                r.name(roleName)
                    .addManagedPolicyArns("arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"))
        .build();
  }
}
