package dev.ekskit.core;

import dev.ekskit.core.spi.Tags;
import java.util.List;
import java.util.Map;

/**
 * A cluster's IAM OpenID Connect provider, for IRSA.
 *
 * @param arn e.g. {@code
 *     arn:aws:iam::123456789012:oidc-provider/oidc.eks.us-east-1.amazonaws.com/id/EX4MPLE}
 * @param issuerUrl the cluster's OIDC issuer, e.g. {@code
 *     https://oidc.eks.us-east-1.amazonaws.com/id/EX4MPLE}
 * @param clientIds the audiences it accepts, {@code sts.amazonaws.com} among them
 * @param tags its tags, including ekskit's own
 */
public record OidcProviderInfo(
    String arn, String issuerUrl, List<String> clientIds, Map<String, String> tags) {

  public OidcProviderInfo {
    clientIds = List.copyOf(clientIds);
    tags = Map.copyOf(tags);
  }

  /** Whether ekskit made it, so that its deletes may remove it. */
  public boolean isManagedByEksKit() {
    return Tags.isManagedByEksKit(tags);
  }
}
