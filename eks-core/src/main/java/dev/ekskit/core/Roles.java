package dev.ekskit.core;

import dev.ekskit.core.internal.KitServices;
import dev.ekskit.core.internal.identity.IamRoles;
import dev.ekskit.core.internal.identity.IdentityRules;
import dev.ekskit.core.internal.identity.RoleDeletion;
import dev.ekskit.core.internal.identity.RoleOperations;
import dev.ekskit.core.spi.Specs;
import dev.ekskit.core.spi.Violations;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * The IAM roles a cluster needs: the cluster role EKS assumes, and the node role of its EC2 nodes.
 * Get it from {@link EksKit#roles()}; it uses the kit's IAM client.
 *
 * <pre>{@code
 * Roles roles = kit.roles();
 * RoleInfo clusterRole = roles.createClusterRole(
 *     ClusterRoleSpec.builder().name("orders-cluster").clusterName("orders").build()).join();
 * RoleInfo nodeRole = roles.createNodeRole(
 *     NodeRoleSpec.builder().name("orders-nodes").clusterName("orders").build()).join();
 * ClusterInfo cluster = kit.clusters().create(ClusterSpec.builder()
 *     .name("orders").roleArn(clusterRole.arn()).subnetIds(subnets).build()).join();
 * }</pre>
 *
 * <p>A create makes the role, then attaches each policy; run again after a crash or a lost answer
 * it adopts the role it made and attaches what is missing (an existing role of that name that
 * ekskit did not make, or that differs in trust, path, boundary or cluster, is a {@link
 * ConflictException}). IAM takes a few seconds to show a new role to EKS: {@link Clusters#create}
 * waits that out, for a bounded time. Roles made for a cluster ({@code clusterName}) are deleted
 * after it by {@link Clusters#delete}.
 */
public final class Roles {
  private final KitServices kit;

  Roles(KitServices kit) {
    this.kit = kit;
  }

  /** Creates (or adopts) the cluster role, attaches its policies, and returns it. */
  public Operation<RoleInfo> createClusterRole(ClusterRoleSpec spec) {
    Violations.requireGiven("ClusterRoleSpec", "spec", spec);
    IamClient iam = kit.client(IamClient.class);
    return kit.start(
        IamRoles.ref(spec.name()),
        null,
        scope -> RoleOperations.createClusterRole(scope, iam, spec));
  }

  /**
   * {@link #createClusterRole(ClusterRoleSpec)} with the spec filled in on a fresh builder.
   *
   * <pre>{@code
   * kit.roles().createClusterRole(r -> r.name("orders-cluster").clusterName("orders"));
   * }</pre>
   */
  public Operation<RoleInfo> createClusterRole(Consumer<ClusterRoleSpec.Builder> spec) {
    return createClusterRole(
        Specs.build(
            "ClusterRoleSpec", ClusterRoleSpec.builder(), spec, ClusterRoleSpec.Builder::build));
  }

  /** Creates (or adopts) the node role, attaches its policies, and returns it. */
  public Operation<RoleInfo> createNodeRole(NodeRoleSpec spec) {
    Violations.requireGiven("NodeRoleSpec", "spec", spec);
    IamClient iam = kit.client(IamClient.class);
    return kit.start(
        IamRoles.ref(spec.name()), null, scope -> RoleOperations.createNodeRole(scope, iam, spec));
  }

  /**
   * {@link #createNodeRole(NodeRoleSpec)} with the spec filled in on a fresh builder.
   *
   * <pre>{@code
   * kit.roles().createNodeRole(r -> r.name("orders-nodes").clusterName("orders"));
   * }</pre>
   */
  public Operation<RoleInfo> createNodeRole(Consumer<NodeRoleSpec.Builder> spec) {
    return createNodeRole(
        Specs.build("NodeRoleSpec", NodeRoleSpec.builder(), spec, NodeRoleSpec.Builder::build));
  }

  /** The role with its policies, or empty if there is none of that name. Blocks. */
  public Optional<RoleInfo> describe(String roleName) {
    IdentityRules.requireRoleName(roleName);
    return IamRoles.describe(kit.client(IamClient.class), roleName);
  }

  /**
   * Deletes a role ekskit made (any of them: cluster, node, Pod Identity, IRSA): detaches its
   * managed policies, deletes its inline policies, then the role. Completes with false when there
   * is no such role. Fails with a {@link DeletionRefusedException}, changing nothing, when ekskit
   * did not make the role or an instance profile still holds it (naming the profiles). Delete what
   * uses the role first: EKS does not stop a cluster or node group whose role is gone, it fails.
   */
  public Operation<Deleted> delete(String roleName) {
    IdentityRules.requireRoleName(roleName);
    IamClient iam = kit.client(IamClient.class);
    return kit.start(
        IamRoles.ref(roleName),
        null,
        scope ->
            RoleDeletion.run(scope, iam, roleName)
                .thenApply(deleted -> new Deleted(scope.resource(), deleted)));
  }
}
