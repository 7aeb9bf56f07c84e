package dev.ekskit.simulator.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.eks.model.AccessPolicy;
import software.amazon.awssdk.services.eks.model.AccessScope;
import software.amazon.awssdk.services.eks.model.AccessScopeType;
import software.amazon.awssdk.services.eks.model.AssociatedAccessPolicy;

/**
 * The access policies EKS offers, and those associated with one access entry: associating a policy
 * again replaces its scope (the same answer when nothing changes), disassociating one that is not
 * associated is a ResourceNotFoundException.
 */
final class AccessPolicies {
  static final String ARN_PREFIX = "arn:aws:eks::aws:cluster-access-policy/";
  static final List<String> NAMES =
      List.of(
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

  private final Map<String, AssociatedAccessPolicy> byArn = new LinkedHashMap<>();

  static List<AccessPolicy> catalog() {
    return NAMES.stream()
        .map(name -> AccessPolicy.builder().name(name).arn(ARN_PREFIX + name).build())
        .toList();
  }

  AssociatedAccessPolicy associate(String policyArn, AccessScope scope, Instant now) {
    if (policyArn == null || !NAMES.contains(policyArn.replace(ARN_PREFIX, ""))) {
      throw Errors.notFound("The specified access policy " + policyArn + " could not be found.");
    }
    requireValid(scope);
    AccessScope normalized =
        scope.type() == AccessScopeType.CLUSTER
            ? AccessScope.builder().type(AccessScopeType.CLUSTER).build()
            : scope;
    AssociatedAccessPolicy existing = byArn.get(policyArn);
    AssociatedAccessPolicy associated =
        AssociatedAccessPolicy.builder()
            .policyArn(policyArn)
            .accessScope(normalized)
            .associatedAt(existing == null ? now : existing.associatedAt())
            .modifiedAt(now)
            .build();
    byArn.put(policyArn, associated);
    return associated;
  }

  void disassociate(String policyArn) {
    if (byArn.remove(policyArn) == null) {
      throw Errors.notFound("The access policy " + policyArn + " is not associated.");
    }
  }

  List<AssociatedAccessPolicy> list() {
    return new ArrayList<>(byArn.values());
  }

  private static void requireValid(AccessScope scope) {
    if (scope == null || scope.type() == null) {
      throw Errors.invalidParameter("accessScope.type is required: cluster or namespace");
    }
    if (scope.type() == AccessScopeType.NAMESPACE && scope.namespaces().isEmpty()) {
      throw Errors.invalidParameter("A namespace access scope needs at least one namespace");
    }
    if (scope.type() == AccessScopeType.CLUSTER && !scope.namespaces().isEmpty()) {
      throw Errors.invalidParameter("A cluster access scope takes no namespaces");
    }
    if (scope.type() == AccessScopeType.UNKNOWN_TO_SDK_VERSION) {
      throw Errors.invalidParameter("Unknown access scope type " + scope.typeAsString());
    }
  }
}
