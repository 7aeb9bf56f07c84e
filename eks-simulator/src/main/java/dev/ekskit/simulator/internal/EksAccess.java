package dev.ekskit.simulator.internal;

import software.amazon.awssdk.services.eks.model.AssociateAccessPolicyRequest;
import software.amazon.awssdk.services.eks.model.AssociateAccessPolicyResponse;
import software.amazon.awssdk.services.eks.model.DisassociateAccessPolicyRequest;
import software.amazon.awssdk.services.eks.model.DisassociateAccessPolicyResponse;
import software.amazon.awssdk.services.eks.model.ListAccessPoliciesRequest;
import software.amazon.awssdk.services.eks.model.ListAccessPoliciesResponse;
import software.amazon.awssdk.services.eks.model.ListAssociatedAccessPoliciesRequest;
import software.amazon.awssdk.services.eks.model.ListAssociatedAccessPoliciesResponse;

/**
 * The access-policy operations of the simulated EKS: only STANDARD entries take policies, on a
 * cluster that exists.
 */
final class EksAccess {
  private EksAccess() {}

  static AssociateAccessPolicyResponse associate(
      EksWorld world, AssociateAccessPolicyRequest request) {
    AccessEntryStore.Entry entry =
        standardEntry(world, request.clusterName(), request.principalArn());
    return AssociateAccessPolicyResponse.builder()
        .clusterName(request.clusterName())
        .principalArn(request.principalArn())
        .associatedAccessPolicy(
            entry.policies.associate(
                request.policyArn(), request.accessScope(), world.context.now()))
        .build();
  }

  static DisassociateAccessPolicyResponse disassociate(
      EksWorld world, DisassociateAccessPolicyRequest request) {
    world.clusters.require(request.clusterName());
    world
        .accessEntries
        .require(request.clusterName(), request.principalArn())
        .policies
        .disassociate(request.policyArn());
    return DisassociateAccessPolicyResponse.builder().build();
  }

  static ListAssociatedAccessPoliciesResponse listAssociated(
      EksWorld world, ListAssociatedAccessPoliciesRequest request) {
    world.clusters.require(request.clusterName());
    var entry = world.accessEntries.require(request.clusterName(), request.principalArn());
    var page = Page.of(entry.policies.list(), request.maxResults(), request.nextToken());
    return ListAssociatedAccessPoliciesResponse.builder()
        .clusterName(request.clusterName())
        .principalArn(request.principalArn())
        .associatedAccessPolicies(page.items())
        .nextToken(page.nextToken())
        .build();
  }

  static ListAccessPoliciesResponse listPolicies(ListAccessPoliciesRequest request) {
    var page = Page.of(AccessPolicies.catalog(), request.maxResults(), request.nextToken());
    return ListAccessPoliciesResponse.builder()
        .accessPolicies(page.items())
        .nextToken(page.nextToken())
        .build();
  }

  private static AccessEntryStore.Entry standardEntry(
      EksWorld world, String cluster, String principal) {
    world.clusters.require(cluster);
    AccessEntryStore.Entry entry = world.accessEntries.require(cluster, principal);
    if (!"STANDARD".equals(entry.entry.type())) {
      throw Errors.invalidRequest(
          "Access policies can only be associated with access entries of type STANDARD");
    }
    return entry;
  }
}
