package dev.ekskit.simulator.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.eks.model.CreatePodIdentityAssociationRequest;
import software.amazon.awssdk.services.eks.model.ListPodIdentityAssociationsRequest;
import software.amazon.awssdk.services.eks.model.ListPodIdentityAssociationsResponse;
import software.amazon.awssdk.services.eks.model.PodIdentityAssociation;
import software.amazon.awssdk.services.eks.model.PodIdentityAssociationSummary;
import software.amazon.awssdk.services.eks.model.UpdatePodIdentityAssociationRequest;

/**
 * EKS Pod Identity associations: one per namespace and service account of a cluster (a second is a
 * 409 naming the first, unless it repeats the first's clientRequestToken), found by id, listed with
 * filters, dropped with their cluster. Create, update and delete take effect at once.
 */
final class PodIdentityStore {
  private static final String ROLE_ARN = "arn:aws[a-z-]*:iam::\\d{12}:role/.+";

  private final EksContext context;
  private final Map<String, PodIdentityAssociation> byId = new LinkedHashMap<>();
  private final Map<String, String> tokens = new LinkedHashMap<>();

  PodIdentityStore(EksContext context) {
    this.context = context;
  }

  PodIdentityAssociation create(
      CreatePodIdentityAssociationRequest request, ClusterStore clusters) {
    clusters.requireActive(request.clusterName());
    Names.requirePresent("namespace", request.namespace());
    Names.requirePresent("serviceAccount", request.serviceAccount());
    requireRole(request.roleArn());
    PodIdentityAssociation existing =
        byId.values().stream()
            .filter(a -> a.clusterName().equals(request.clusterName()))
            .filter(a -> a.namespace().equals(request.namespace()))
            .filter(a -> a.serviceAccount().equals(request.serviceAccount()))
            .findFirst()
            .orElse(null);
    if (existing != null) {
      if (Names.sameRequest(tokens.get(existing.associationId()), request.clientRequestToken())) {
        return describe(existing.clusterName(), existing.associationId());
      }
      throw Errors.inUse("Association already exists: " + existing.associationId());
    }
    String id = "a-" + context.ids().hex(17);
    String arn = context.arn("podidentityassociation/" + request.clusterName() + "/" + id);
    PodIdentityAssociation created =
        PodIdentityAssociation.builder()
            .clusterName(request.clusterName())
            .namespace(request.namespace())
            .serviceAccount(request.serviceAccount())
            .roleArn(request.roleArn())
            .associationArn(arn)
            .associationId(id)
            .disableSessionTags(Boolean.TRUE.equals(request.disableSessionTags()))
            .createdAt(context.now())
            .modifiedAt(context.now())
            .build();
    byId.put(id, created);
    tokens.put(id, request.clientRequestToken());
    context.tags().register(arn, request.tags());
    return describe(request.clusterName(), id);
  }

  PodIdentityAssociation describe(String clusterName, String associationId) {
    PodIdentityAssociation association = require(clusterName, associationId);
    return association.toBuilder().tags(context.tags().of(association.associationArn())).build();
  }

  ListPodIdentityAssociationsResponse list(ListPodIdentityAssociationsRequest request) {
    List<PodIdentityAssociationSummary> matching =
        byId.values().stream()
            .filter(a -> a.clusterName().equals(request.clusterName()))
            .filter(a -> request.namespace() == null || a.namespace().equals(request.namespace()))
            .filter(
                a ->
                    request.serviceAccount() == null
                        || a.serviceAccount().equals(request.serviceAccount()))
            .map(
                a ->
                    PodIdentityAssociationSummary.builder()
                        .clusterName(a.clusterName())
                        .namespace(a.namespace())
                        .serviceAccount(a.serviceAccount())
                        .associationArn(a.associationArn())
                        .associationId(a.associationId())
                        .build())
            .toList();
    Page<PodIdentityAssociationSummary> page =
        Page.of(matching, request.maxResults(), request.nextToken());
    return ListPodIdentityAssociationsResponse.builder()
        .associations(page.items())
        .nextToken(page.nextToken())
        .build();
  }

  PodIdentityAssociation update(UpdatePodIdentityAssociationRequest request) {
    PodIdentityAssociation current = require(request.clusterName(), request.associationId());
    if (request.roleArn() != null) {
      requireRole(request.roleArn());
    }
    PodIdentityAssociation updated =
        current.toBuilder()
            .roleArn(Objects.requireNonNullElse(request.roleArn(), current.roleArn()))
            .modifiedAt(context.now())
            .build();
    byId.put(updated.associationId(), updated);
    return describe(updated.clusterName(), updated.associationId());
  }

  PodIdentityAssociation delete(String clusterName, String associationId) {
    PodIdentityAssociation gone = describe(clusterName, associationId);
    byId.remove(associationId);
    tokens.remove(associationId);
    context.tags().unregister(gone.associationArn());
    return gone;
  }

  /** A deleted cluster takes its associations with it. */
  void dropCluster(String clusterName) {
    byId.values().stream()
        .filter(a -> a.clusterName().equals(clusterName))
        .map(PodIdentityAssociation::associationId)
        .toList()
        .forEach(id -> delete(clusterName, id));
  }

  private PodIdentityAssociation require(String clusterName, String associationId) {
    PodIdentityAssociation association = byId.get(associationId);
    if (association == null || !association.clusterName().equals(clusterName)) {
      throw Errors.notFound("No Pod Identity Association found with id: " + associationId + ".");
    }
    return association;
  }

  private static void requireRole(String roleArn) {
    if (roleArn == null || !roleArn.matches(ROLE_ARN)) {
      throw Errors.invalidParameter("The roleArn " + roleArn + " is not a valid IAM role ARN.");
    }
  }
}
