package dev.ekskit.fargate.internal;

import dev.ekskit.core.EksKitException;
import dev.ekskit.core.ResourceFailedException;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.internal.AwsErrors;
import dev.ekskit.core.internal.HealthIssues;
import dev.ekskit.core.internal.Hints;
import dev.ekskit.core.internal.NotFound;
import dev.ekskit.core.internal.OperationContext;
import dev.ekskit.core.internal.Poller;
import dev.ekskit.core.internal.Readiness;
import dev.ekskit.core.internal.StepRetry;
import dev.ekskit.core.internal.Tags;
import dev.ekskit.fargate.FargateWaitKinds;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.Addon;
import software.amazon.awssdk.services.eks.model.AddonIssue;
import software.amazon.awssdk.services.eks.model.ResolveConflicts;

/**
 * Installs or updates the {@code coredns} add-on so that its pods run on Fargate: configuration
 * values {@code {"computeType":"Fargate"}}, with the key spelled as the version's schema spells it
 * (DescribeAddonConfiguration). Waits until ACTIVE; DEGRADED means "no capacity yet" while Fargate
 * starts the pods, so it is waited out, not a failure.
 */
public final class CoreDnsOnFargate {
  static final String ADDON = "coredns";
  private static final Pattern SCHEMA_KEY =
      Pattern.compile("\"(compute_?type)\"\\s*:", Pattern.CASE_INSENSITIVE);

  private final OperationContext context;
  private final EksClient eks;
  private final String clusterName;
  private final ResourceRef ref;
  private final String clientRequestToken = UUID.randomUUID().toString();

  private CoreDnsOnFargate(OperationContext context, EksClient eks, String clusterName) {
    this.context = context;
    this.eks = eks;
    this.clusterName = clusterName;
    this.ref = ResourceRef.child("addon", clusterName, ADDON);
  }

  public static CompletableFuture<String> run(
      OperationContext context, EksClient eks, String clusterName) {
    return new CoreDnsOnFargate(context, eks, clusterName).run();
  }

  private CompletableFuture<String> run() {
    return StepRetry.run(
            context, ref, "configure for Fargate", StepRetry.RETRYABLE_OR_BUSY, this::apply)
        .thenCompose(
            applied ->
                Poller.await(
                    context,
                    ref,
                    "wait active",
                    context.engine().policy(FargateWaitKinds.COREDNS_ON_FARGATE),
                    this::toActive))
        .thenApply(Addon::statusAsString);
  }

  /** Creates the add-on, or updates its configuration; nothing when it is already set. */
  private boolean apply() {
    Optional<Addon> existing =
        NotFound.asEmpty(
            () ->
                Optional.of(
                    eks.describeAddon(r -> r.clusterName(clusterName).addonName(ADDON)).addon()));
    existing.ifPresent(
        addon ->
            context.observed(
                ref, "configure for Fargate", addon.statusAsString(), Duration.ZERO, 1));
    String version = existing.map(Addon::addonVersion).orElseGet(this::defaultVersion);
    String key = computeTypeKey(version);
    String wanted = "{\"" + key + "\":\"Fargate\"}";
    if (existing.isEmpty()) {
      try {
        eks.createAddon(
            r ->
                r.clusterName(clusterName)
                    .addonName(ADDON)
                    .addonVersion(version)
                    .configurationValues(wanted)
                    .resolveConflicts(ResolveConflicts.OVERWRITE)
                    .tags(Tags.withOwnership(Map.of()))
                    .clientRequestToken(clientRequestToken));
        return true;
      } catch (RuntimeException e) {
        if (!AwsErrors.is(e, AwsErrors.Kind.IN_USE)) {
          throw e;
        }
        return apply();
      }
    }
    String current = existing.get().configurationValues();
    if (current != null
        && Pattern.compile("\"" + key + "\"\\s*:\\s*\"Fargate\"").matcher(current).find()) {
      return false;
    }
    eks.updateAddon(
        r ->
            r.clusterName(clusterName)
                .addonName(ADDON)
                .configurationValues(merged(current, key))
                .resolveConflicts(ResolveConflicts.PRESERVE)
                .clientRequestToken(clientRequestToken));
    return true;
  }

  private String defaultVersion() {
    String kubernetesVersion = eks.describeCluster(r -> r.name(clusterName)).cluster().version();
    return eks
        .describeAddonVersions(r -> r.addonName(ADDON).kubernetesVersion(kubernetesVersion))
        .addons()
        .stream()
        .flatMap(info -> info.addonVersions().stream())
        .filter(
            v ->
                v.compatibilities().stream().anyMatch(c -> Boolean.TRUE.equals(c.defaultVersion())))
        .map(v -> v.addonVersion())
        .findFirst()
        .orElseThrow(
            () ->
                new EksKitException(
                    "EKS offers no default coredns version for Kubernetes " + kubernetesVersion));
  }

  /** The key as this version's schema spells it; sources differ ({@code computeType}, ...). */
  private String computeTypeKey(String version) {
    String schema =
        eks.describeAddonConfiguration(r -> r.addonName(ADDON).addonVersion(version))
            .configurationSchema();
    Matcher m = SCHEMA_KEY.matcher(schema == null ? "" : schema);
    if (!m.find()) {
      throw new EksKitException(
          "coredns "
              + version
              + " has no computeType in its configuration schema, so it cannot be told to run on"
              + " Fargate; update the add-on to a newer version first");
    }
    return m.group(1);
  }

  /** {@code current} (a JSON object, possibly empty) with the key set to Fargate. */
  static String merged(String current, String key) {
    String pair = "\"" + key + "\":\"Fargate\"";
    String body = current == null ? "" : current.trim();
    Matcher existing = Pattern.compile("\"" + key + "\"\\s*:\\s*\"[^\"]*\"").matcher(body);
    if (existing.find()) {
      return existing.replaceFirst(Matcher.quoteReplacement(pair));
    }
    if (body.isEmpty() || body.replaceAll("\\s", "").equals("{}")) {
      return "{" + pair + "}";
    }
    return "{" + pair + "," + body.substring(body.indexOf('{') + 1);
  }

  private Readiness<Addon> toActive() {
    Addon addon = eks.describeAddon(r -> r.clusterName(clusterName).addonName(ADDON)).addon();
    String status = addon.statusAsString();
    return switch (status) {
      case "ACTIVE" -> Readiness.ready(status, addon);
      case "CREATE_FAILED", "UPDATE_FAILED", "DELETING", "DELETE_FAILED" -> {
        var issues =
            HealthIssues.of(
                addon.health() == null ? java.util.List.of() : addon.health().issues(),
                AddonIssue::codeAsString,
                AddonIssue::message,
                AddonIssue::resourceIds);
        yield Readiness.failed(
            status,
            new ResourceFailedException(
                ref,
                status,
                issues,
                Hints.forIssues(issues),
                "the coredns add-on stays installed"));
      }
      // DEGRADED: no capacity yet while Fargate starts CoreDNS's pods.
      default -> Readiness.pending(status);
    };
  }
}
