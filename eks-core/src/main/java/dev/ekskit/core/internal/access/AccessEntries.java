package dev.ekskit.core.internal.access;

import dev.ekskit.core.AccessEntryInfo;
import dev.ekskit.core.AccessEntrySpec;
import dev.ekskit.core.AccessPolicyAssociation;
import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.Steps;
import dev.ekskit.core.Violation;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.CreateOrAdopt;
import dev.ekskit.core.spi.Scope;
import dev.ekskit.core.spi.Tags;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.AccessEntry;
import software.amazon.awssdk.services.eks.model.AssociatedAccessPolicy;

/**
 * The operations on one access entry, each a step of its scope. EKS applies access-entry changes at
 * once (no status to wait for), and associating a policy again only sets its scope again, so every
 * step can simply run again after a lost answer or a crash.
 */
public final class AccessEntries {
  private final Scope scope;
  private final EksClient eks;
  private final String cluster;
  private final String principal;

  public AccessEntries(Scope scope, EksClient eks, String cluster, String principal) {
    this.scope = scope;
    this.eks = eks;
    this.cluster = cluster;
    this.principal = principal;
  }

  /**
   * Creates the entry or adopts a matching one (else {@link dev.ekskit.core.ConflictException}),
   * then associates the spec's policies; policies associated otherwise stay.
   */
  public CompletableFuture<AccessEntryInfo> create(AccessEntrySpec spec) {
    String token = UUID.randomUUID().toString();
    CreateOrAdopt<AccessEntry> entry =
        CreateOrAdopt.<AccessEntry>builder(scope.resource())
            .what("the access entry")
            .cleanup(
                "remove it with kit.access().delete(\"" + cluster + "\", \"" + principal + "\")")
            .create(
                () ->
                    eks.createAccessEntry(
                            r ->
                                r.clusterName(cluster)
                                    .principalArn(principal)
                                    .type(AccessMapping.STANDARD)
                                    .username(spec.username().orElse(null))
                                    .kubernetesGroups(spec.kubernetesGroups())
                                    .tags(Tags.forCluster(cluster, spec.tags()))
                                    .clientRequestToken(token))
                        .accessEntry())
            .describe(this::describeEntry)
            .differences(
                existing -> {
                  List<FieldDifference> diff =
                      new ArrayList<>(AccessMapping.fixedDifferences(existing));
                  diff.addAll(AccessMapping.namesDifferences(spec, existing));
                  return diff;
                })
            .build();
    return requireAccessEntriesAllowed()
        .thenCompose(allowed -> entry.run(scope))
        .thenCompose(made -> associateAll(spec.accessPolicies(), false))
        .thenCompose(done -> describe());
  }

  /**
   * Brings an existing entry to the spec: username and groups through UpdateAccessEntry, and
   * exactly the spec's policies (those it does not name are disassociated).
   */
  public CompletableFuture<AccessEntryInfo> update(AccessEntrySpec spec) {
    return scope
        .call(Steps.DESCRIBE, this::describeEntry)
        .thenCompose(
            existing -> {
              if (!AccessMapping.fixedDifferences(existing).isEmpty()) {
                throw new InvalidSpecException(
                    "AccessEntrySpec",
                    List.of(
                        new Violation(
                            "principalArn",
                            "standard",
                            "the entry is of type "
                                + existing.type()
                                + ": only STANDARD entries take usernames, groups and policies")));
              }
              if (AccessMapping.namesDifferences(spec, existing).isEmpty()) {
                return CompletableFuture.completedFuture(existing);
              }
              return scope.call(
                  Steps.UPDATE,
                  () ->
                      eks.updateAccessEntry(
                              r ->
                                  r.clusterName(cluster)
                                      .principalArn(principal)
                                      .username(spec.username().orElse(null))
                                      .kubernetesGroups(spec.kubernetesGroups()))
                          .accessEntry());
            })
        .thenCompose(updated -> associateAll(spec.accessPolicies(), true))
        .thenCompose(done -> describe());
  }

  /** Associates one policy, unless it is associated with that scope already. */
  public CompletableFuture<AccessEntryInfo> associate(AccessPolicyAssociation policy) {
    return associateAll(List.of(policy), false).thenCompose(done -> describe());
  }

  /** Disassociates one policy; one that is not associated is not an error. */
  public CompletableFuture<AccessEntryInfo> disassociate(String policyArn) {
    return disassociateOne(policyArn).thenCompose(done -> describe());
  }

  /** Deletes the entry, its associations with it; true when this run deleted it. */
  public CompletableFuture<Boolean> delete() {
    return scope.call(
        Steps.DELETE,
        () ->
            AwsErrors.deletedUnlessGone(
                () -> eks.deleteAccessEntry(r -> r.clusterName(cluster).principalArn(principal))));
  }

  /** The entry and its policies, or empty when there is none. Blocking. */
  public static Optional<AccessEntryInfo> read(EksClient eks, String cluster, String principal) {
    return AwsErrors.absentAsEmpty(
        () ->
            Optional.of(
                AccessMapping.info(
                    eks.describeAccessEntry(r -> r.clusterName(cluster).principalArn(principal))
                        .accessEntry(),
                    policies(eks, cluster, principal))));
  }

  /** The principals with an entry on the cluster. Blocking. */
  public static List<String> principals(EksClient eks, String cluster) {
    return eks.listAccessEntriesPaginator(r -> r.clusterName(cluster)).accessEntries().stream()
        .toList();
  }

  private CompletableFuture<Boolean> requireAccessEntriesAllowed() {
    return scope.call(
        Steps.check("authentication mode"),
        () -> {
          var access = eks.describeCluster(r -> r.name(cluster)).cluster().accessConfig();
          if (access != null && "CONFIG_MAP".equals(access.authenticationModeAsString())) {
            throw new InvalidSpecException(
                "AccessEntrySpec",
                List.of(
                    new Violation(
                        "cluster",
                        "access-entries",
                        "cluster "
                            + cluster
                            + " authenticates through the aws-auth ConfigMap only (CONFIG_MAP):"
                            + " change it with kit.access().updateAuthenticationMode(\""
                            + cluster
                            + "\", AuthenticationMode.API_AND_CONFIG_MAP) first")));
          }
          return true;
        });
  }

  /** Associates what is missing or scoped otherwise; with {@code exactly}, drops the rest. */
  private CompletableFuture<List<Boolean>> associateAll(
      List<AccessPolicyAssociation> wanted, boolean exactly) {
    return scope
        .call("list access policies", () -> policies(eks, cluster, principal))
        .thenCompose(
            current -> {
              List<AccessPolicyAssociation> missing =
                  wanted.stream()
                      .filter(w -> current.stream().noneMatch(c -> AccessMapping.same(w, c)))
                      .toList();
              List<String> extra =
                  !exactly
                      ? List.of()
                      : current.stream()
                          .map(AssociatedAccessPolicy::policyArn)
                          .filter(arn -> wanted.stream().noneMatch(w -> w.policyArn().equals(arn)))
                          .toList();
              return scope
                  .sequence(missing, this::associateOne)
                  .thenCompose(associated -> scope.sequence(extra, this::disassociateOne));
            });
  }

  private CompletableFuture<Boolean> associateOne(AccessPolicyAssociation policy) {
    return scope.call(
        "associate " + policy.policyName(),
        () -> {
          eks.associateAccessPolicy(
              r ->
                  r.clusterName(cluster)
                      .principalArn(principal)
                      .policyArn(policy.policyArn())
                      .accessScope(AccessMapping.scope(policy)));
          return true;
        });
  }

  private CompletableFuture<Boolean> disassociateOne(String policyArn) {
    return scope.call(
        "disassociate " + policyArn.substring(policyArn.lastIndexOf('/') + 1),
        () -> {
          try {
            eks.disassociateAccessPolicy(
                r -> r.clusterName(cluster).principalArn(principal).policyArn(policyArn));
            return true;
          } catch (RuntimeException e) {
            if (AwsErrors.is(e, AwsErrors.Kind.NOT_FOUND)) {
              return false;
            }
            throw e;
          }
        });
  }

  private CompletableFuture<AccessEntryInfo> describe() {
    return scope.call(
        Steps.DESCRIBE,
        () -> AccessMapping.info(describeEntry(), policies(eks, cluster, principal)));
  }

  private AccessEntry describeEntry() {
    return eks.describeAccessEntry(r -> r.clusterName(cluster).principalArn(principal))
        .accessEntry();
  }

  private static List<AssociatedAccessPolicy> policies(
      EksClient eks, String cluster, String principal) {
    return eks
        .listAssociatedAccessPoliciesPaginator(r -> r.clusterName(cluster).principalArn(principal))
        .associatedAccessPolicies()
        .stream()
        .toList();
  }
}
