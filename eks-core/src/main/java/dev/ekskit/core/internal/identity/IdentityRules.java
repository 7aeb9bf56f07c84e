package dev.ekskit.core.internal.identity;

import dev.ekskit.core.ClusterRoleSpec;
import dev.ekskit.core.NodeRoleSpec;
import dev.ekskit.core.PodIdentityAssociationSpec;
import dev.ekskit.core.ServiceAccountRoleSpec;
import dev.ekskit.core.WorkloadRoleSpec;
import dev.ekskit.core.spi.Tags;
import dev.ekskit.core.spi.Violations;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** The rules of the identity specs that need no AWS call, all reported at once. */
public final class IdentityRules {
  private static final Pattern ROLE_NAME = Pattern.compile("[\\w+=,.@-]+");
  private static final Pattern PATH = Pattern.compile("/|/[\\u0021-\\u007E]*/");
  private static final Pattern POLICY_ARN =
      Pattern.compile("arn:aws[a-z-]*:iam::(aws|\\d{12}):policy/.+");

  /** A Kubernetes namespace: an RFC 1123 label. */
  private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");

  /** A service account name: an RFC 1123 subdomain. */
  private static final Pattern SERVICE_ACCOUNT =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");

  /** IAM's adjustable ceiling of managed policies on one role. */
  private static final int MAX_MANAGED_POLICIES = 20;

  private static final int MAX_TAG_VALUE = 256;

  /** IAM's limit on a role's inline policies together, in characters. */
  private static final int MAX_INLINE_POLICY = 10_240;

  private IdentityRules() {}

  public static void check(ClusterRoleSpec spec) {
    Violations v = new Violations("ClusterRoleSpec");
    role(v, spec.name(), spec.path(), spec.permissionsBoundaryArn());
    forCluster(v, spec.clusterName(), spec.tags());
    v.throwIfAny();
  }

  public static void check(NodeRoleSpec spec) {
    Violations v = new Violations("NodeRoleSpec");
    role(v, spec.name(), spec.path(), spec.permissionsBoundaryArn());
    forCluster(v, spec.clusterName(), spec.tags());
    v.throwIfAny();
  }

  public static void check(WorkloadRoleSpec spec) {
    Violations v = new Violations("WorkloadRoleSpec");
    role(v, spec.name(), spec.path(), spec.permissionsBoundaryArn());
    v.ids(
        "managedPolicyArns",
        spec.managedPolicyArns(),
        POLICY_ARN,
        "a managed policy ARN",
        0,
        MAX_MANAGED_POLICIES);
    spec.inlinePolicy()
        .ifPresent(
            policy -> {
              if (!policy.trim().startsWith("{")) {
                v.add("inlinePolicy", "json", "must be a JSON policy document");
              }
              if (policy.length() > MAX_INLINE_POLICY) {
                v.add(
                    "inlinePolicy",
                    "max-length",
                    "must be at most " + MAX_INLINE_POLICY + " characters, was " + policy.length());
              }
            });
    v.throwIfAny();
  }

  public static void check(PodIdentityAssociationSpec spec) {
    Violations v = new Violations("PodIdentityAssociationSpec");
    serviceAccount(v, spec.clusterName(), spec.namespace(), spec.serviceAccount());
    if (spec.roleArn().isPresent() == spec.role().isPresent()) {
      v.add(
          "roleArn",
          "one-of",
          "give exactly one of roleArn (a role you have) and role (one to make)");
    }
    spec.roleArn().ifPresent(arn -> v.roleArn("roleArn", arn));
    if (spec.role().isPresent()) {
      taggable(v, spec.namespace(), spec.serviceAccount());
    }
    v.tags("tags", spec.tags(), Tags.PREFIX);
    v.throwIfAny();
  }

  public static void check(ServiceAccountRoleSpec spec) {
    Violations v = new Violations("ServiceAccountRoleSpec");
    serviceAccount(v, spec.clusterName(), spec.namespace(), spec.serviceAccount());
    if (spec.role() == null) {
      v.add("role", "required", "the role to make for the service account must be set");
    }
    taggable(v, spec.namespace(), spec.serviceAccount());
    v.tags("tags", spec.tags(), Tags.PREFIX);
    v.throwIfAny();
  }

  /** The name of a role to look up or delete. */
  public static void requireRoleName(String name) {
    Violations v = new Violations("role name");
    roleName(v, "name", name);
    v.throwIfAny();
  }

  /** The cluster, namespace and service account of an association to look up or change. */
  public static void requireServiceAccount(
      String cluster, String namespace, String serviceAccount) {
    Violations v = new Violations("service account");
    serviceAccount(v, cluster, namespace, serviceAccount);
    v.throwIfAny();
  }

  public static void requireClusterName(String cluster) {
    Violations v = new Violations("cluster name");
    v.eksName("clusterName", cluster, 100);
    v.throwIfAny();
  }

  private static void role(Violations v, String name, String path, Optional<String> boundary) {
    roleName(v, "name", name);
    v.name("path", path, PATH, 512, "must be / or start and end with /");
    boundary.ifPresent(
        arn -> v.matches("permissionsBoundaryArn", arn, POLICY_ARN, "a managed policy ARN"));
  }

  private static void roleName(Violations v, String field, String name) {
    v.name(field, name, ROLE_NAME, 64, "must hold only letters, digits and '+=,.@_-'");
  }

  private static void forCluster(Violations v, Optional<String> cluster, Map<String, String> tags) {
    cluster.ifPresent(name -> v.eksName("clusterName", name, 100));
    v.tags("tags", tags, Tags.PREFIX);
  }

  /** The role ekskit makes is tagged {@code namespace/serviceAccount}: an IAM tag value. */
  private static void taggable(Violations v, String namespace, String serviceAccount) {
    if (namespace != null
        && serviceAccount != null
        && namespace.length() + 1 + serviceAccount.length() > MAX_TAG_VALUE) {
      v.add(
          "serviceAccount",
          "max-length",
          "with the namespace must be at most "
              + (MAX_TAG_VALUE - 1)
              + " characters, as the role ekskit makes is tagged with both");
    }
  }

  private static void serviceAccount(
      Violations v, String cluster, String namespace, String serviceAccount) {
    v.eksName("clusterName", cluster, 100);
    v.name(
        "namespace",
        namespace,
        NAMESPACE,
        63,
        "must be a Kubernetes namespace: lower-case letters, digits and '-'");
    v.name(
        "serviceAccount",
        serviceAccount,
        SERVICE_ACCOUNT,
        253,
        "must be a Kubernetes name: lower-case letters, digits, '-' and '.'");
  }
}
