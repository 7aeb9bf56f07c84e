package dev.ekskit.core.internal.identity;

import dev.ekskit.core.EksKitException;
import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.OidcProviderInfo;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.CreateOrAdopt;
import dev.ekskit.core.spi.Scope;
import dev.ekskit.core.spi.Tags;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.GetOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.OpenIDConnectProviderListEntry;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * A cluster's OIDC issuer as an IAM OpenID Connect provider, one per issuer URL in the account.
 * Created without thumbprints: IAM no longer needs one for EKS's issuers (it fetches the top
 * intermediate CA's thumbprint itself and verifies the issuer with its own trusted CAs), so ekskit
 * neither computes nor pins one. Its audience is {@code sts.amazonaws.com}, as IRSA needs.
 */
final class OidcProviders {
  private OidcProviders() {}

  static ResourceRef ref(String cluster) {
    return new ResourceRef("oidc-provider", cluster);
  }

  /**
   * Creates the provider of {@code issuer}, or adopts the one there (anyone's, eksctl's too: it
   * must accept {@code sts.amazonaws.com}); IAM's {@code EntityAlreadyExists} means it is there.
   */
  static CompletableFuture<OidcProviderInfo> createOrAdopt(
      Scope scope, IamClient iam, String cluster, String issuer) {
    Map<String, String> tags = Tags.forCluster(cluster, Map.of());
    return CreateOrAdopt.<OidcProviderInfo>builder(scope.resource())
        .what("the OIDC provider of cluster " + cluster)
        .cleanup("remove it with kit.irsa().deleteOidcProvider(\"" + cluster + "\")")
        .create(
            () ->
                new OidcProviderInfo(
                    iam.createOpenIDConnectProvider(
                            r ->
                                r.url(issuer).clientIDList(Trust.IRSA_AUDIENCE).tags(iamTags(tags)))
                        .openIDConnectProviderArn(),
                    issuer,
                    List.of(Trust.IRSA_AUDIENCE),
                    tags))
        .describe(
            () ->
                find(iam, issuer)
                    .orElseThrow(
                        () ->
                            new EksKitException(
                                "IAM answered that the OIDC provider of "
                                    + issuer
                                    + " exists, yet does not list it")))
        .differences(
            existing ->
                existing.clientIds().contains(Trust.IRSA_AUDIENCE)
                    ? List.of()
                    : List.of(
                        new FieldDifference(
                            "clientIds",
                            "contains " + Trust.IRSA_AUDIENCE,
                            existing.clientIds().toString())))
        .build()
        .run(scope)
        .thenApply(CreateOrAdopt.Outcome::resource);
  }

  /** The provider of {@code issuer}, if the account has one. */
  static Optional<OidcProviderInfo> find(IamClient iam, String issuer) {
    String suffix = ":oidc-provider/" + hostAndPath(issuer);
    return arns(iam).stream()
        .filter(arn -> arn.endsWith(suffix))
        .findFirst()
        .flatMap(arn -> get(iam, arn));
  }

  /** The ARNs of the providers ekskit made for {@code cluster}, found by their tags. */
  static List<String> madeFor(IamClient iam, String cluster) {
    return arns(iam).stream()
        .filter(
            arn ->
                get(iam, arn)
                    .map(OidcProviderInfo::tags)
                    .filter(Tags::isManagedByEksKit)
                    .filter(tags -> cluster.equals(tags.get(Tags.CLUSTER)))
                    .isPresent())
        .toList();
  }

  /** Deletes it; false when it was already gone. */
  static boolean delete(IamClient iam, String arn) {
    try {
      iam.deleteOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn));
      return true;
    } catch (RuntimeException e) {
      if (AwsErrors.is(e, AwsErrors.Kind.NOT_FOUND)) {
        return false;
      }
      throw e;
    }
  }

  /** An issuer URL without its scheme, as IAM names providers and as trust conditions use it. */
  static String hostAndPath(String issuer) {
    return issuer.replaceFirst("^https://", "");
  }

  private static List<String> arns(IamClient iam) {
    return iam.listOpenIDConnectProviders().openIDConnectProviderList().stream()
        .map(OpenIDConnectProviderListEntry::arn)
        .toList();
  }

  private static Optional<OidcProviderInfo> get(IamClient iam, String arn) {
    return AwsErrors.absentAsEmpty(
        () -> {
          GetOpenIdConnectProviderResponse provider =
              iam.getOpenIDConnectProvider(r -> r.openIDConnectProviderArn(arn));
          return Optional.of(
              new OidcProviderInfo(
                  arn,
                  "https://" + hostAndPath(provider.url()),
                  provider.clientIDList(),
                  provider.tags().stream()
                      .collect(Collectors.toMap(Tag::key, Tag::value, (a, b) -> b))));
        });
  }

  private static List<Tag> iamTags(Map<String, String> tags) {
    return tags.entrySet().stream()
        .map(t -> Tag.builder().key(t.getKey()).value(t.getValue()).build())
        .toList();
  }
}
