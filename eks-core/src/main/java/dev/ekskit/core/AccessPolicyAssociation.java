package dev.ekskit.core;

import java.util.List;
import java.util.Objects;
import software.amazon.awssdk.services.eks.model.AccessScopeType;

/**
 * An EKS access policy granted to an access entry, on the whole cluster or on some namespaces. Name
 * the policy as EKS does ({@code AmazonEKSClusterAdminPolicy}, {@code AmazonEKSAdminPolicy}, {@code
 * AmazonEKSEditPolicy}, {@code AmazonEKSViewPolicy}, ...), or by its full ARN ({@code
 * arn:aws:eks::aws:cluster-access-policy/<Name>}, e.g. for a partition other than {@code aws} or a
 * policy newer than this ekskit).
 *
 * <pre>{@code
 * AccessPolicyAssociation.cluster("AmazonEKSClusterAdminPolicy");
 * AccessPolicyAssociation.namespaces("AmazonEKSEditPolicy", "orders", "payments-*");
 * }</pre>
 *
 * @param policy the policy's name or ARN
 * @param scope {@code CLUSTER} or {@code NAMESPACE}
 * @param namespaces for {@code NAMESPACE}, the namespaces ({@code *} as a suffix wildcard); empty
 *     for {@code CLUSTER}
 */
public record AccessPolicyAssociation(
    String policy, AccessScopeType scope, List<String> namespaces) {
  /** Where EKS's access policies live in the {@code aws} partition. */
  public static final String ARN_PREFIX = "arn:aws:eks::aws:cluster-access-policy/";

  public AccessPolicyAssociation {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(scope, "scope");
    namespaces = List.copyOf(namespaces);
  }

  /** {@code policy} on the whole cluster. */
  public static AccessPolicyAssociation cluster(String policy) {
    return new AccessPolicyAssociation(policy, AccessScopeType.CLUSTER, List.of());
  }

  /** {@code policy} on {@code namespaces} only. */
  public static AccessPolicyAssociation namespaces(String policy, String... namespaces) {
    return namespaces(policy, List.of(namespaces));
  }

  /** {@code policy} on {@code namespaces} only. */
  public static AccessPolicyAssociation namespaces(String policy, List<String> namespaces) {
    return new AccessPolicyAssociation(policy, AccessScopeType.NAMESPACE, namespaces);
  }

  /** The policy's ARN: as given, or the {@code aws} partition's for a name. */
  public String policyArn() {
    return policy.startsWith("arn:") ? policy : ARN_PREFIX + policy;
  }

  /** The policy's name, e.g. {@code AmazonEKSViewPolicy}. */
  public String policyName() {
    return policy.substring(policy.lastIndexOf('/') + 1);
  }
}
