package dev.ekskit.core;

import java.time.Instant;

/**
 * A bearer token for the Kubernetes API of an EKS cluster: a presigned STS {@code
 * GetCallerIdentity} request, as {@code aws eks get-token} makes it. Anyone holding it acts as the
 * identity that signed it until it expires, so {@link #toString()} never shows it.
 *
 * <pre>{@code
 * EksAuthToken token = kit.clusters().authToken(cluster);
 * request.header("Authorization", "Bearer " + token.value());
 * }</pre>
 *
 * @param value the token, {@code k8s-aws-v1.} followed by the base64url of the presigned URL
 * @param expiresAt when to get a new one (EKS accepts a token for 15 minutes after signing)
 */
public record EksAuthToken(String value, Instant expiresAt) {
  @Override
  public String toString() {
    return "EksAuthToken[value=<redacted>, expiresAt=" + expiresAt + "]";
  }
}
