package dev.ekskit.core.internal;

import dev.ekskit.core.EksAuthToken;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import software.amazon.awssdk.http.SdkHttpFullRequest;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4FamilyHttpSigner;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.http.auth.spi.signer.HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.ServiceMetadata;

/**
 * EKS authentication tokens: STS {@code GetCallerIdentity} presigned for 60 seconds with the header
 * {@code x-k8s-aws-id: <cluster>} signed in, base64url-encoded behind {@code k8s-aws-v1.}. The
 * cluster's authenticator accepts such a token for 15 minutes after signing.
 */
public final class AuthTokens {
  private static final String PREFIX = "k8s-aws-v1.";
  private static final Duration PRESIGN_FOR = Duration.ofSeconds(60);

  /** Renew a minute before EKS stops accepting the token, as the AWS CLI does. */
  private static final Duration USABLE_FOR = Duration.ofMinutes(14);

  private AuthTokens() {}

  public static EksAuthToken create(
      String clusterName, String region, AwsCredentialsIdentity credentials, Clock clock) {
    URI sts = ServiceMetadata.of("sts").endpointFor(Region.of(region));
    SdkHttpFullRequest request =
        SdkHttpFullRequest.builder()
            .method(SdkHttpMethod.GET)
            .protocol("https")
            .host(sts.getHost() != null ? sts.getHost() : sts.toString())
            .encodedPath("/")
            .putRawQueryParameter("Action", "GetCallerIdentity")
            .putRawQueryParameter("Version", "2011-06-15")
            .putHeader("x-k8s-aws-id", clusterName)
            .build();
    String url =
        AwsV4HttpSigner.create()
            .sign(
                r ->
                    r.request(request)
                        .identity(credentials)
                        .putProperty(AwsV4FamilyHttpSigner.SERVICE_SIGNING_NAME, "sts")
                        .putProperty(AwsV4HttpSigner.REGION_NAME, region)
                        .putProperty(
                            AwsV4FamilyHttpSigner.AUTH_LOCATION,
                            AwsV4FamilyHttpSigner.AuthLocation.QUERY_STRING)
                        .putProperty(AwsV4FamilyHttpSigner.EXPIRATION_DURATION, PRESIGN_FOR)
                        .putProperty(HttpSigner.SIGNING_CLOCK, clock))
            .request()
            .getUri()
            .toString();
    String token =
        PREFIX
            + Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(url.getBytes(StandardCharsets.UTF_8));
    return new EksAuthToken(token, clock.instant().plus(USABLE_FOR));
  }

  /** The region of an EKS ARN, {@code arn:PARTITION:eks:REGION:ACCOUNT:cluster/NAME}. */
  public static String regionOf(String clusterArn) {
    String[] parts = clusterArn.split(":");
    if (parts.length < 6 || parts[3].isEmpty()) {
      throw new IllegalArgumentException("not an EKS cluster ARN: " + clusterArn);
    }
    return parts[3];
  }
}
