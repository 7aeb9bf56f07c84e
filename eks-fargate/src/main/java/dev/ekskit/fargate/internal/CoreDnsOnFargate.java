package dev.ekskit.fargate.internal;

import dev.ekskit.core.EksKitException;
import dev.ekskit.core.ResourceFailedException;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.Steps;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.HealthIssues;
import dev.ekskit.core.spi.Hints;
import dev.ekskit.core.spi.Readiness;
import dev.ekskit.core.spi.Scope;
import dev.ekskit.core.spi.StepRetries;
import dev.ekskit.core.spi.Tags;
import dev.ekskit.fargate.FargateWaitKinds;
import java.util.List;
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

  private static final String CONFIGURE = "configure for Fargate";

  private final Scope scope;
  private final EksClient eks;
  private final String clusterName;
  private final String clientRequestToken = UUID.randomUUID().toString();

  private CoreDnsOnFargate(Scope scope, EksClient eks, String clusterName) {
    this.scope = scope;
    this.eks = eks;
    this.clusterName = clusterName;
  }

  /** Runs it as work of {@code parent}, its events naming the add-on; returns its status. */
  public static CompletableFuture<String> run(Scope parent, EksClient eks, String clusterName) {
    Scope scope = parent.child(ResourceRef.child("addon", clusterName, ADDON));
    return new CoreDnsOnFargate(scope, eks, clusterName).run();
  }

  private CompletableFuture<String> run() {
    return scope
        .call(CONFIGURE, StepRetries.whileBusy(), this::apply)
        .thenCompose(
            applied ->
                scope.await(Steps.WAIT_ACTIVE, FargateWaitKinds.COREDNS_ON_FARGATE, this::toActive))
        .thenApply(Addon::statusAsString);
  }

  /** Creates the add-on, or updates its configuration; nothing when it is already set. */
  private boolean apply() {
    Optional<Addon> existing =
        AwsErrors.absentAsEmpty(
            () ->
                Optional.of(
                    eks.describeAddon(r -> r.clusterName(clusterName).addonName(ADDON)).addon()));
    existing.ifPresent(addon -> scope.observed(CONFIGURE, addon.statusAsString()));
    String version = existing.map(Addon::addonVersion).orElseGet(this::defaultVersion);
    String key = computeTypeKey(version);
    String wanted = "{\"" + key + "\":\"Fargate\"}";
    if (existing.isEmpty()) {
      // A 409 here (created meanwhile, or its answer lost) is retried as busy: the next attempt
      // finds the add-on and updates it instead.
      eks.createAddon(
          r ->
              r.clusterName(clusterName)
                  .addonName(ADDON)
                  .addonVersion(version)
                  .configurationValues(wanted)
                  .resolveConflicts(ResolveConflicts.OVERWRITE)
                  .tags(Tags.forCluster(clusterName, Map.of()))
                  .clientRequestToken(clientRequestToken));
      return true;
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
                addon.health() == null ? List.of() : addon.health().issues(),
                AddonIssue::codeAsString,
                AddonIssue::message,
                AddonIssue::resourceIds);
        yield Readiness.failed(
            status,
            new ResourceFailedException(
                scope.resource(),
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
