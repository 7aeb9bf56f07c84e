package dev.ekskit.core.internal.identity;

import dev.ekskit.core.ClusterRoleSpec;
import dev.ekskit.core.NodeRoleSpec;
import dev.ekskit.core.RoleInfo;
import dev.ekskit.core.spi.Parts;
import dev.ekskit.core.spi.Scope;
import java.util.concurrent.CompletableFuture;
import software.amazon.awssdk.services.iam.IamClient;

/** The cluster and node roles of {@link dev.ekskit.core.Roles}, as work of an operation. */
public final class RoleOperations {
  private RoleOperations() {}

  public static CompletableFuture<RoleInfo> createClusterRole(
      Scope scope, IamClient iam, ClusterRoleSpec spec) {
    return create(scope, iam, RolePlans.cluster(spec));
  }

  public static CompletableFuture<RoleInfo> createNodeRole(
      Scope scope, IamClient iam, NodeRoleSpec spec) {
    return create(scope, iam, RolePlans.node(spec));
  }

  /** How to remove a role ekskit made, and everything attached to it. */
  static String cleanup(String roleName) {
    return "remove it with kit.roles().delete(\"" + roleName + "\")";
  }

  private static CompletableFuture<RoleInfo> create(Scope scope, IamClient iam, RolePlan plan) {
    String cleanup = cleanup(plan.name());
    return RoleCreation.run(scope, iam, plan, new Parts(scope, cleanup), cleanup);
  }
}
