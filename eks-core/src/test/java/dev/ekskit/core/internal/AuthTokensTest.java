package dev.ekskit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.EksAuthToken;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;

class AuthTokensTest {
  private static final Clock FIXED =
      Clock.fixed(Instant.parse("2026-03-01T12:00:00Z"), ZoneOffset.UTC);
  private static final AwsBasicCredentials CREDENTIALS =
      AwsBasicCredentials.create("AKIAEXAMPLEKEY123456", "secret/Example+Key");

  @Test
  void create_cluster_presignedGetCallerIdentityWithClusterHeaderSigned() {
    EksAuthToken token = AuthTokens.create("orders", "eu-west-1", CREDENTIALS, FIXED);

    assertThat(token.value()).startsWith("k8s-aws-v1.").doesNotContain("=");
    URI url =
        URI.create(
            new String(
                Base64.getUrlDecoder().decode(token.value().substring(11)),
                StandardCharsets.UTF_8));
    assertThat(url.getHost()).isEqualTo("sts.eu-west-1.amazonaws.com");
    assertThat(url.getQuery())
        .contains(
            "Action=GetCallerIdentity",
            "Version=2011-06-15",
            "X-Amz-Expires=60",
            "X-Amz-Date=20260301T120000Z",
            "X-Amz-Credential=AKIAEXAMPLEKEY123456/20260301/eu-west-1/sts/aws4_request",
            "X-Amz-SignedHeaders=host;x-k8s-aws-id",
            "X-Amz-Signature=");
    assertThat(token.expiresAt()).isEqualTo(FIXED.instant().plus(Duration.ofMinutes(14)));
  }

  @Test
  void create_sameInputs_sameSignatureAndNoSecretInside() {
    EksAuthToken first = AuthTokens.create("orders", "us-east-1", CREDENTIALS, FIXED);
    EksAuthToken second = AuthTokens.create("orders", "us-east-1", CREDENTIALS, FIXED);
    EksAuthToken other = AuthTokens.create("billing", "us-east-1", CREDENTIALS, FIXED);

    assertThat(first.value()).isEqualTo(second.value()).isNotEqualTo(other.value());
    String decoded =
        new String(
            Base64.getUrlDecoder().decode(first.value().substring(11)), StandardCharsets.UTF_8);
    assertThat(decoded).doesNotContain("secret");
  }

  @Test
  void toString_neverShowsTheToken() {
    EksAuthToken token = AuthTokens.create("orders", "us-east-1", CREDENTIALS, FIXED);
    assertThat(token.toString()).doesNotContain(token.value()).contains("redacted");
  }

  @Test
  void regionOf_clusterArn_region() {
    assertThat(AuthTokens.regionOf("arn:aws:eks:ap-south-1:123456789012:cluster/orders"))
        .isEqualTo("ap-south-1");
    assertThatThrownBy(() -> AuthTokens.regionOf("orders"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
