package dev.ekskit.core.internal.identity;

import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.spi.Tags;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything about a role ekskit makes: what to create, what an existing role of the name must have
 * to be adopted, and what to attach.
 *
 * @param name role name
 * @param path role path
 * @param permissionsBoundaryArn the boundary, or empty
 * @param trustPolicy the trust policy to create it with
 * @param trustMarkers what an existing role's trust policy must contain to be adopted
 * @param description ekskit's description, which names the role's purpose and cluster
 * @param tags every tag, ekskit's own included
 * @param managedPolicies AWS managed policy names (their ARN takes the role's partition) or ARNs
 * @param inlinePolicy the inline policy document, or empty
 */
record RolePlan(
    String name,
    String path,
    Optional<String> permissionsBoundaryArn,
    String trustPolicy,
    List<String> trustMarkers,
    String description,
    Map<String, String> tags,
    List<String> managedPolicies,
    Optional<String> inlinePolicy) {

  static final String INLINE_POLICY_NAME = "ekskit-inline";
  private static final String PREFIX = "ekskit: ";

  RolePlan {
    trustMarkers = List.copyOf(trustMarkers);
    tags = Map.copyOf(tags);
    managedPolicies = List.copyOf(managedPolicies);
  }

  ResourceRef ref() {
    return IamRoles.ref(name);
  }

  /** ekskit's description of a role for {@code purpose}, naming the cluster it was made for. */
  static String description(String purpose, Optional<String> cluster) {
    return cluster.map(name -> Tags.roleDescription(purpose, name)).orElse(PREFIX + purpose);
  }

  /** The ARN of a managed policy: an ARN as given, an AWS managed policy name in the partition. */
  static String policyArn(String policy, String partition) {
    return policy.startsWith("arn:") ? policy : "arn:" + partition + ":iam::aws:policy/" + policy;
  }

  /** The name of a policy ARN: its last path segment. */
  static String policyName(String policyArn) {
    return policyArn.substring(policyArn.lastIndexOf('/') + 1);
  }
}
