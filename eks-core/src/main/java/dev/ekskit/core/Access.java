package dev.ekskit.core;

import dev.ekskit.core.internal.KitServices;
import dev.ekskit.core.internal.access.AccessEntries;
import dev.ekskit.core.internal.access.AccessEntryRules;
import dev.ekskit.core.internal.access.AuthenticationModes;
import dev.ekskit.core.spi.Scope;
import dev.ekskit.core.spi.Specs;
import dev.ekskit.core.spi.Violations;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.AuthenticationMode;

/**
 * Who may use clusters: their authentication mode, access entries for IAM roles and users, and the
 * EKS access policies granted to them. Get it from {@link EksKit#access()}. Every method that
 * changes AWS returns an {@link Operation} at once; bad input throws {@link InvalidSpecException}
 * before any AWS call.
 *
 * <pre>{@code
 * Access access = kit.access();
 * access.updateAuthenticationMode("orders", AuthenticationMode.API).join();
 * access.create(AccessEntrySpec.builder().clusterName("orders")
 *     .principalArn("arn:aws:iam::123456789012:role/ops")
 *     .addAccessPolicies(AccessPolicyAssociation.cluster("AmazonEKSViewPolicy"))
 *     .build()).join();
 * access.associate("orders", "arn:aws:iam::123456789012:role/ops",
 *     AccessPolicyAssociation.namespaces("AmazonEKSEditPolicy", "orders")).join();
 * }</pre>
 *
 * <p>The identity that creates a cluster is its administrator through an access entry unless {@link
 * ClusterSpec#bootstrapClusterCreatorAdminPermissions()} is false; node roles get their entries
 * from the modules that make the nodes.
 */
public final class Access {
  private final KitServices kit;

  Access(KitServices kit) {
    this.kit = kit;
  }

  /**
   * Moves the cluster's authentication mode forward, {@code CONFIG_MAP} → {@code
   * API_AND_CONFIG_MAP} → {@code API}, one update at a time, each waited through {@code
   * DescribeUpdate}; does nothing when it is there already. EKS never goes back: {@code CONFIG_MAP}
   * is refused at once, and a mode behind the cluster's is refused with the reason before any
   * change.
   */
  public Operation<ClusterInfo> updateAuthenticationMode(String cluster, AuthenticationMode mode) {
    Violations v = new Violations("AuthenticationModeUpdate");
    v.eksName("cluster", cluster, 100);
    v.throwIfAny();
    AuthenticationModes.requireReachable(mode);
    EksClient eks = kit.client(EksClient.class);
    return kit.start(
        ResourceRef.cluster(cluster), null, scope -> AuthenticationModes.change(scope, eks, mode));
  }

  /**
   * Creates the access entry and associates its policies. An entry of that principal that matches
   * (type STANDARD, username and groups) is adopted, and the spec's policies are associated with it
   * (others it has stay); one that differs fails with a {@link ConflictException}. The cluster must
   * authenticate through access entries. Safe to run again after a crash.
   */
  public Operation<AccessEntryInfo> create(AccessEntrySpec spec) {
    Violations.requireGiven("AccessEntrySpec", "spec", spec);
    return entry(spec.clusterName(), spec.principalArn(), entries -> entries.create(spec));
  }

  /**
   * {@link #create(AccessEntrySpec)} with the spec filled in on a fresh builder.
   *
   * <pre>{@code
   * kit.access().create(e -> e.clusterName("orders").principalArn(role));
   * }</pre>
   */
  public Operation<AccessEntryInfo> create(Consumer<AccessEntrySpec.Builder> spec) {
    return create(
        Specs.build(
            "AccessEntrySpec", AccessEntrySpec.builder(), spec, AccessEntrySpec.Builder::build));
  }

  /**
   * Brings an existing entry to the spec: username and groups, and exactly the spec's policies
   * (those it does not name are disassociated).
   */
  public Operation<AccessEntryInfo> update(AccessEntrySpec spec) {
    Violations.requireGiven("AccessEntrySpec", "spec", spec);
    return entry(spec.clusterName(), spec.principalArn(), entries -> entries.update(spec));
  }

  /**
   * {@link #update(AccessEntrySpec)} with the spec filled in on a fresh builder.
   *
   * <pre>{@code
   * kit.access().update(e -> e.clusterName("orders").principalArn(role).addKubernetesGroups("ops"));
   * }</pre>
   */
  public Operation<AccessEntryInfo> update(Consumer<AccessEntrySpec.Builder> spec) {
    return update(
        Specs.build(
            "AccessEntrySpec", AccessEntrySpec.builder(), spec, AccessEntrySpec.Builder::build));
  }

  /**
   * Associates {@code policy} with the entry, or sets its scope when it is associated otherwise;
   * nothing when it is associated so already.
   */
  public Operation<AccessEntryInfo> associate(
      String cluster, String principalArn, AccessPolicyAssociation policy) {
    Violations.requireGiven("AccessPolicyAssociation", "policy", policy);
    AccessEntryRules.check(cluster, principalArn, policy);
    return entry(cluster, principalArn, entries -> entries.associate(policy));
  }

  /**
   * Disassociates the policy (a name such as {@code AmazonEKSViewPolicy}, or its ARN) from the
   * entry; one that is not associated is not an error.
   */
  public Operation<AccessEntryInfo> disassociate(
      String cluster, String principalArn, String policy) {
    Violations.requireGiven("access policy", "policy", policy);
    AccessPolicyAssociation named = AccessPolicyAssociation.cluster(policy);
    AccessEntryRules.check(cluster, principalArn, named);
    return entry(cluster, principalArn, entries -> entries.disassociate(named.policyArn()));
  }

  /**
   * Deletes the entry and its policy associations. An entry that does not exist is not an error:
   * the result is false.
   */
  public Operation<Deleted> delete(String cluster, String principalArn) {
    AccessEntryRules.check(cluster, principalArn);
    return entry(
        cluster,
        principalArn,
        entries ->
            entries
                .delete()
                .thenApply(
                    deleted ->
                        new Deleted(
                            ResourceRef.child("access-entry", cluster, principalArn), deleted)));
  }

  /** The entry with its policies, or empty when the principal has none on the cluster. Blocks. */
  public Optional<AccessEntryInfo> describe(String cluster, String principalArn) {
    AccessEntryRules.check(cluster, principalArn);
    return AccessEntries.read(kit.client(EksClient.class), cluster, principalArn);
  }

  /** The principals with an access entry on the cluster, node roles included. Blocks. */
  public List<String> list(String cluster) {
    Violations v = new Violations("cluster name");
    v.eksName("cluster", cluster, 100);
    v.throwIfAny();
    return AccessEntries.principals(kit.client(EksClient.class), cluster);
  }

  private <T> Operation<T> entry(
      String cluster, String principalArn, Function<AccessEntries, CompletableFuture<T>> work) {
    EksClient eks = kit.client(EksClient.class);
    Function<Scope, CompletableFuture<T>> body =
        scope -> work.apply(new AccessEntries(scope, eks, cluster, principalArn));
    return kit.start(ResourceRef.child("access-entry", cluster, principalArn), null, body);
  }
}
