package dev.ekskit.simulator.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.iam.model.CreateOpenIdConnectProviderRequest;
import software.amazon.awssdk.services.iam.model.CreateOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.GetOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.InvalidInputException;
import software.amazon.awssdk.services.iam.model.ListOpenIdConnectProviderTagsRequest;
import software.amazon.awssdk.services.iam.model.ListOpenIdConnectProviderTagsResponse;
import software.amazon.awssdk.services.iam.model.ListOpenIdConnectProvidersResponse;
import software.amazon.awssdk.services.iam.model.OpenIDConnectProviderListEntry;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * IAM OpenID Connect providers: one per URL in the account, found by ARN ({@code
 * arn:aws:iam::ACCOUNT:oidc-provider/HOST/PATH}), tagged. As IAM does today, a create without
 * thumbprints is accepted: IAM fetches the top intermediate CA's thumbprint itself (here a
 * deterministic stand-in), and uses its own trusted CAs for well-known hosts anyway.
 */
final class OidcProviders {
  private static final int MAX_CLIENT_IDS = 100;
  private static final int MAX_THUMBPRINTS = 5;
  private static final int MAX_TAGS = 50;

  private static final class Provider {
    final String arn;
    final String url;
    final List<String> clientIds;
    final List<String> thumbprints;
    final Instant createdAt;
    final Map<String, String> tags = new LinkedHashMap<>();

    Provider(String arn, String url, List<String> clientIds, List<String> thumbprints, Instant at) {
      this.arn = arn;
      this.url = url;
      this.clientIds = clientIds;
      this.thumbprints = thumbprints;
      this.createdAt = at;
    }
  }

  private final String accountId;
  private final Supplier<Instant> clock;
  private final Map<String, Provider> byArn = new LinkedHashMap<>();

  OidcProviders(String accountId, Supplier<Instant> clock) {
    this.accountId = accountId;
    this.clock = clock;
  }

  CreateOpenIdConnectProviderResponse create(CreateOpenIdConnectProviderRequest request) {
    String url = request.url();
    if (url == null || !url.startsWith("https://") || url.length() > 255 || url.contains("?")) {
      throw invalidInput("Invalid Open ID Connect Provider URL");
    }
    if (request.clientIDList().size() > MAX_CLIENT_IDS) {
      throw Errors.iam(
          IamException.builder(),
          409,
          "LimitExceeded",
          "Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: " + MAX_CLIENT_IDS);
    }
    if (request.thumbprintList().size() > MAX_THUMBPRINTS
        || request.thumbprintList().stream().anyMatch(t -> !t.matches("[0-9A-Fa-f]{40}"))) {
      throw invalidInput("Thumbprints must be 40 hex characters, at most " + MAX_THUMBPRINTS);
    }
    String hostAndPath = url.substring("https://".length()).replaceAll("/+$", "");
    String arn = "arn:aws:iam::" + accountId + ":oidc-provider/" + hostAndPath;
    if (byArn.containsKey(arn)) {
      throw IamState.alreadyExists("Provider with url " + url + " already exists.");
    }
    Provider provider =
        new Provider(
            arn,
            hostAndPath,
            List.copyOf(request.clientIDList()),
            request.thumbprintList().isEmpty()
                ? List.of(fetchedThumbprint(hostAndPath))
                : List.copyOf(request.thumbprintList()),
            clock.get());
    tag(provider, request.tags());
    byArn.put(arn, provider);
    return CreateOpenIdConnectProviderResponse.builder()
        .openIDConnectProviderArn(arn)
        .tags(tagList(provider.tags))
        .build();
  }

  /** The URL comes back without its scheme, as IAM answers. */
  GetOpenIdConnectProviderResponse get(String arn) {
    Provider provider = require(arn);
    return GetOpenIdConnectProviderResponse.builder()
        .url(provider.url)
        .clientIDList(provider.clientIds)
        .thumbprintList(provider.thumbprints)
        .createDate(provider.createdAt)
        .tags(tagList(provider.tags))
        .build();
  }

  ListOpenIdConnectProvidersResponse list() {
    return ListOpenIdConnectProvidersResponse.builder()
        .openIDConnectProviderList(
            byArn.keySet().stream()
                .map(arn -> OpenIDConnectProviderListEntry.builder().arn(arn).build())
                .toList())
        .build();
  }

  void delete(String arn) {
    require(arn);
    byArn.remove(arn);
  }

  void tag(String arn, List<Tag> tags) {
    tag(require(arn), tags);
  }

  void untag(String arn, List<String> keys) {
    require(arn).tags.keySet().removeAll(keys);
  }

  ListOpenIdConnectProviderTagsResponse tags(ListOpenIdConnectProviderTagsRequest request) {
    Page<Tag> page =
        IamPaging.page(
            tagList(require(request.openIDConnectProviderArn()).tags),
            request.maxItems(),
            request.marker());
    return ListOpenIdConnectProviderTagsResponse.builder()
        .tags(page.items())
        .isTruncated(page.nextToken() != null)
        .marker(page.nextToken())
        .build();
  }

  private Provider require(String arn) {
    Provider provider = arn == null ? null : byArn.get(arn);
    if (provider == null) {
      throw IamState.noSuchEntity("OpenIDConnect Provider not found for arn " + arn);
    }
    return provider;
  }

  private static void tag(Provider provider, List<Tag> tags) {
    Map<String, String> merged = new LinkedHashMap<>(provider.tags);
    tags.forEach(t -> merged.put(t.key(), t.value()));
    if (merged.size() > MAX_TAGS) {
      throw Errors.iam(
          IamException.builder(), 409, "LimitExceeded", "A provider has at most 50 tags");
    }
    provider.tags.putAll(merged);
  }

  private static List<Tag> tagList(Map<String, String> tags) {
    return tags.entrySet().stream()
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
        .toList();
  }

  /** What IAM would fetch from the host: here the SHA-1 of its name, 40 hex digits. */
  private static String fetchedThumbprint(String hostAndPath) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-1").digest(hostAndPath.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-1", e);
    }
  }

  private static RuntimeException invalidInput(String message) {
    return Errors.iam(InvalidInputException.builder(), 400, "InvalidInput", message);
  }
}
