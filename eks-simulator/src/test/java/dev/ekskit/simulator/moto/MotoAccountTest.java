package dev.ekskit.simulator.moto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.sts.StsAsyncClient;
import software.amazon.awssdk.services.sts.StsClient;

@MotoTest
class MotoAccountTest {
  private final MotoAccount account;

  MotoAccountTest(MotoAccount account) {
    this.account = account;
  }

  @Test
  void getCallerIdentity_syncClient_returnsFreshAccount() {
    StsClient sts = account.client(StsClient.builder());

    assertThat(sts.getCallerIdentity().account()).isEqualTo(account.accountId()).matches("\\d{12}");
  }

  @Test
  void getCallerIdentity_asyncClient_returnsFreshAccount() {
    StsAsyncClient sts = account.client(StsAsyncClient.builder());

    assertThat(sts.getCallerIdentity().join().account()).isEqualTo(account.accountId());
  }

  @Test
  void resolveParameter_constructorAndMethod_shareOneAccountPerClass(MotoAccount injected) {
    assertThat(injected).isSameAs(account);
  }

  @Test
  void newAccountId_twoAccounts_areIsolated() {
    MotoServer moto = MotoServer.shared();
    try (EksClient first = moto.client(EksClient.builder(), moto.newAccountId());
        EksClient second = moto.client(EksClient.builder(), moto.newAccountId())) {
      first.createCluster(EksRequests.cluster("only-in-first", "subnet-a", "subnet-b"));

      assertThat(first.listClusters().clusters()).containsExactly("only-in-first");
      assertThat(second.listClusters().clusters()).isEmpty();
    }
  }

  @Test
  void getPolicy_awsManagedPolicy_isLoaded() {
    IamClient iam = account.client(IamClient.builder());

    String arn = "arn:aws:iam::aws:policy/AmazonEKSClusterPolicy";
    assertThat(iam.getPolicy(r -> r.policyArn(arn)).policy().policyName())
        .isEqualTo("AmazonEKSClusterPolicy");
  }
}
