package dev.ekskit.core.internal.access;

import dev.ekskit.core.AccessEntrySpec;
import dev.ekskit.core.AccessPolicyAssociation;
import dev.ekskit.core.spi.Tags;
import dev.ekskit.core.spi.Violations;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.eks.model.AccessScopeType;

/** The rules of access entries and policy associations that need no AWS call. */
public final class AccessEntryRules {
  /** An IAM role or user: access entries take no STS session. */
  static final Pattern PRINCIPAL_ARN =
      Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:(role|user)/.+");

  static final Pattern POLICY_ARN =
      Pattern.compile("arn:aws[a-z-]*:eks::aws:cluster-access-policy/[A-Za-z0-9]+");

  /** A namespace, or a prefix of namespaces ending in {@code *}. */
  static final Pattern NAMESPACE =
      Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?|[a-z0-9][-a-z0-9]*\\*");

  /** The access policies EKS offers (ListAccessPolicies); others are named by full ARN. */
  static final Set<String> KNOWN_POLICIES =
      Set.of(
          "AmazonEKSAdminPolicy",
          "AmazonEKSAdminViewPolicy",
          "AmazonEKSAutoNodePolicy",
          "AmazonEKSBlockStoragePolicy",
          "AmazonEKSClusterAdminPolicy",
          "AmazonEKSComputePolicy",
          "AmazonEKSEditPolicy",
          "AmazonEKSHybridPolicy",
          "AmazonEKSLoadBalancingPolicy",
          "AmazonEKSNetworkingPolicy",
          "AmazonEKSViewPolicy");

  private static final List<String> RESERVED =
      List.of("system:", "eks:", "aws:", "amazon:", "iam:");
  private static final int MAX_NAMESPACE_LENGTH = 63;

  private AccessEntryRules() {}

  public static void check(AccessEntrySpec spec) {
    Violations v = new Violations("AccessEntrySpec");
    v.eksName("clusterName", spec.clusterName(), 100);
    principal(v, "principalArn", spec.principalArn());
    spec.username().ifPresent(name -> unreserved(v, "username", name));
    Set<String> groups = new HashSet<>();
    for (int i = 0; i < spec.kubernetesGroups().size(); i++) {
      String group = spec.kubernetesGroups().get(i);
      String at = "kubernetesGroups[" + i + "]";
      if (group.isBlank()) {
        v.add(at, "required", "must not be empty");
      }
      unreserved(v, at, group);
      if (!groups.add(group)) {
        v.add(at, "unique", "repeats '" + group + "'");
      }
    }
    Set<String> policies = new HashSet<>();
    for (int i = 0; i < spec.accessPolicies().size(); i++) {
      AccessPolicyAssociation policy = spec.accessPolicies().get(i);
      String at = "accessPolicies[" + i + "]";
      policy(v, at, policy);
      if (!policies.add(policy.policyArn())) {
        v.add(
            at,
            "unique",
            "associates " + policy.policyName() + " twice: EKS keeps one scope per policy");
      }
    }
    v.tags("tags", spec.tags(), Tags.PREFIX);
    v.throwIfAny();
  }

  /** Checks one association given on its own, e.g. to {@code Access.associate}. */
  public static void check(String cluster, String principalArn, AccessPolicyAssociation policy) {
    Violations v = new Violations("AccessPolicyAssociation");
    v.eksName("cluster", cluster, 100);
    principal(v, "principalArn", principalArn);
    policy(v, "policy", policy);
    v.throwIfAny();
  }

  /** Checks the names of an entry given on its own, e.g. to {@code Access.delete}. */
  public static void check(String cluster, String principalArn) {
    Violations v = new Violations("access entry");
    v.eksName("cluster", cluster, 100);
    principal(v, "principalArn", principalArn);
    v.throwIfAny();
  }

  private static void principal(Violations v, String field, String arn) {
    v.matches(field, arn, PRINCIPAL_ARN, "an IAM role or user ARN (not an STS session)");
  }

  private static void unreserved(Violations v, String field, String name) {
    if (RESERVED.stream().anyMatch(name::startsWith)) {
      v.add(field, "reserved", "cannot start with any of " + RESERVED + ": EKS keeps them");
    }
  }

  private static void policy(Violations v, String at, AccessPolicyAssociation policy) {
    if (policy.policy().startsWith("arn:")) {
      v.matches(at + ".policy", policy.policy(), POLICY_ARN, "an EKS access policy ARN");
    } else if (!KNOWN_POLICIES.contains(policy.policy())) {
      v.add(
          at + ".policy",
          "known",
          "'"
              + policy.policy()
              + "' is not an EKS access policy; known: "
              + KNOWN_POLICIES.stream().sorted().toList()
              + ", or give a newer one by its full ARN");
    }
    if (policy.scope() == AccessScopeType.UNKNOWN_TO_SDK_VERSION) {
      v.add(at + ".scope", "known", "must be CLUSTER or NAMESPACE");
    }
    if (policy.scope() == AccessScopeType.CLUSTER && !policy.namespaces().isEmpty()) {
      v.add(at + ".namespaces", "cluster-scope", "a cluster-wide association takes no namespaces");
    }
    if (policy.scope() == AccessScopeType.NAMESPACE) {
      namespaces(v, at + ".namespaces", policy.namespaces());
    }
  }

  private static void namespaces(Violations v, String field, List<String> namespaces) {
    if (namespaces.isEmpty()) {
      v.add(field, "min-size", "a namespace-scoped association needs at least one namespace");
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < namespaces.size(); i++) {
      String namespace = namespaces.get(i);
      String at = field + "[" + i + "]";
      v.name(
          at,
          namespace,
          NAMESPACE,
          MAX_NAMESPACE_LENGTH,
          "must be a Kubernetes namespace (lowercase letters, digits and '-'), or a prefix ending"
              + " in '*'");
      if (!seen.add(namespace)) {
        v.add(at, "unique", "repeats '" + namespace + "'");
      }
    }
  }
}
