package dev.ekskit.simulator.internal;

import java.util.function.Supplier;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.*;

/**
 * {@link EksClient} over the simulated state. Each method names its AWS operation, passes the
 * gateway (faults, recording, one lock) and settles the state to virtual now before acting.
 * Operations it does not simulate answer UnsupportedOperation (see Unmodelled).
 */
public final class SimulatedEks implements EksClient {
  private final Gateway gateway;
  private final EksWorld world;
  private final RoleUsability roles;

  SimulatedEks(Gateway gateway, EksContext context, IamState iam) {
    this.gateway = gateway;
    this.world = new EksWorld(context);
    this.roles = new RoleUsability(iam, context.clock());
  }

  @Override
  public CreateClusterResponse createCluster(CreateClusterRequest request) {
    return call(
        "CreateCluster",
        request,
        () -> {
          roles.requireClusterRole(request.roleArn());
          return CreateClusterResponse.builder().cluster(world.clusters.create(request)).build();
        });
  }

  @Override
  public DescribeClusterResponse describeCluster(DescribeClusterRequest request) {
    return call(
        "DescribeCluster",
        request,
        () ->
            DescribeClusterResponse.builder()
                .cluster(world.clusters.describe(request.name()))
                .build());
  }

  @Override
  public ListClustersResponse listClusters(ListClustersRequest request) {
    return call("ListClusters", request, () -> world.clusters.list(request));
  }

  @Override
  public DeleteClusterResponse deleteCluster(DeleteClusterRequest request) {
    return call(
        "DeleteCluster",
        request,
        () -> DeleteClusterResponse.builder().cluster(world.deleteCluster(request.name())).build());
  }

  @Override
  public UpdateClusterConfigResponse updateClusterConfig(UpdateClusterConfigRequest request) {
    return call(
        "UpdateClusterConfig",
        request,
        () ->
            UpdateClusterConfigResponse.builder()
                .update(world.updates.updateConfig(request))
                .build());
  }

  @Override
  public UpdateClusterVersionResponse updateClusterVersion(UpdateClusterVersionRequest request) {
    return call(
        "UpdateClusterVersion",
        request,
        () ->
            UpdateClusterVersionResponse.builder()
                .update(world.updates.updateVersion(request))
                .build());
  }

  @Override
  public DescribeUpdateResponse describeUpdate(DescribeUpdateRequest request) {
    return call(
        "DescribeUpdate",
        request,
        () ->
            DescribeUpdateResponse.builder()
                .update(
                    request.nodegroupName() != null
                        ? world.nodegroupUpdates.describe(request)
                        : request.addonName() != null
                            ? world.addonUpdates.describe(request)
                            : world.updates.describe(request))
                .build());
  }

  @Override
  public UpdateNodegroupConfigResponse updateNodegroupConfig(UpdateNodegroupConfigRequest request) {
    return call(
        "UpdateNodegroupConfig",
        request,
        () ->
            UpdateNodegroupConfigResponse.builder()
                .update(world.nodegroupUpdates.updateConfig(request))
                .build());
  }

  @Override
  public UpdateNodegroupVersionResponse updateNodegroupVersion(
      UpdateNodegroupVersionRequest request) {
    return call(
        "UpdateNodegroupVersion",
        request,
        () ->
            UpdateNodegroupVersionResponse.builder()
                .update(world.nodegroupUpdates.updateVersion(request))
                .build());
  }

  @Override
  public ListUpdatesResponse listUpdates(ListUpdatesRequest request) {
    return call(
        "ListUpdates",
        request,
        () ->
            request.nodegroupName() != null
                ? world.nodegroupUpdates.list(request)
                : world.updates.list(request));
  }

  @Override
  public TagResourceResponse tagResource(TagResourceRequest request) {
    return call(
        "TagResource",
        request,
        () -> {
          world.context.tags().tag(request.resourceArn(), request.tags());
          return TagResourceResponse.builder().build();
        });
  }

  @Override
  public UntagResourceResponse untagResource(UntagResourceRequest request) {
    return call(
        "UntagResource",
        request,
        () -> {
          world.context.tags().untag(request.resourceArn(), request.tagKeys());
          return UntagResourceResponse.builder().build();
        });
  }

  @Override
  public ListTagsForResourceResponse listTagsForResource(ListTagsForResourceRequest request) {
    return call(
        "ListTagsForResource",
        request,
        () ->
            ListTagsForResourceResponse.builder()
                .tags(world.context.tags().of(request.resourceArn()))
                .build());
  }

  @Override
  public CreateNodegroupResponse createNodegroup(CreateNodegroupRequest request) {
    return call(
        "CreateNodegroup",
        request,
        () -> {
          roles.requireNodeRole(request.nodeRole());
          return CreateNodegroupResponse.builder()
              .nodegroup(world.nodegroups.create(request, world.clusters))
              .build();
        });
  }

  @Override
  public DescribeNodegroupResponse describeNodegroup(DescribeNodegroupRequest request) {
    return call(
        "DescribeNodegroup",
        request,
        () -> {
          world.clusters.require(request.clusterName());
          return DescribeNodegroupResponse.builder()
              .nodegroup(world.nodegroups.describe(request.clusterName(), request.nodegroupName()))
              .build();
        });
  }

  @Override
  public ListNodegroupsResponse listNodegroups(ListNodegroupsRequest request) {
    return call(
        "ListNodegroups",
        request,
        () -> {
          Page<String> page =
              world.listChildren(
                  world.nodegroups,
                  request.clusterName(),
                  request.maxResults(),
                  request.nextToken());
          return ListNodegroupsResponse.builder()
              .nodegroups(page.items())
              .nextToken(page.nextToken())
              .build();
        });
  }

  @Override
  public DeleteNodegroupResponse deleteNodegroup(DeleteNodegroupRequest request) {
    return call(
        "DeleteNodegroup",
        request,
        () ->
            DeleteNodegroupResponse.builder()
                .nodegroup(world.nodegroups.delete(request.clusterName(), request.nodegroupName()))
                .build());
  }

  @Override
  public CreateFargateProfileResponse createFargateProfile(CreateFargateProfileRequest request) {
    return call(
        "CreateFargateProfile",
        request,
        () -> {
          roles.requirePodExecutionRole(request.podExecutionRoleArn());
          return CreateFargateProfileResponse.builder()
              .fargateProfile(world.fargateProfiles.create(request, world.clusters))
              .build();
        });
  }

  @Override
  public DescribeFargateProfileResponse describeFargateProfile(
      DescribeFargateProfileRequest request) {
    return call(
        "DescribeFargateProfile",
        request,
        () -> {
          world.clusters.require(request.clusterName());
          return DescribeFargateProfileResponse.builder()
              .fargateProfile(
                  world.fargateProfiles.describe(
                      request.clusterName(), request.fargateProfileName()))
              .build();
        });
  }

  @Override
  public ListFargateProfilesResponse listFargateProfiles(ListFargateProfilesRequest request) {
    return call(
        "ListFargateProfiles",
        request,
        () -> {
          Page<String> page =
              world.listChildren(
                  world.fargateProfiles,
                  request.clusterName(),
                  request.maxResults(),
                  request.nextToken());
          return ListFargateProfilesResponse.builder()
              .fargateProfileNames(page.items())
              .nextToken(page.nextToken())
              .build();
        });
  }

  @Override
  public DeleteFargateProfileResponse deleteFargateProfile(DeleteFargateProfileRequest request) {
    return call(
        "DeleteFargateProfile",
        request,
        () ->
            DeleteFargateProfileResponse.builder()
                .fargateProfile(
                    world.fargateProfiles.delete(
                        request.clusterName(), request.fargateProfileName()))
                .build());
  }

  @Override
  public CreateAddonResponse createAddon(CreateAddonRequest request) {
    return call(
        "CreateAddon",
        request,
        () -> CreateAddonResponse.builder().addon(world.addons.create(request)).build());
  }

  @Override
  public DescribeAddonResponse describeAddon(DescribeAddonRequest request) {
    return call(
        "DescribeAddon",
        request,
        () -> {
          world.clusters.require(request.clusterName());
          return DescribeAddonResponse.builder()
              .addon(world.addons.describe(request.clusterName(), request.addonName()))
              .build();
        });
  }

  @Override
  public ListAddonsResponse listAddons(ListAddonsRequest request) {
    return call(
        "ListAddons",
        request,
        () -> {
          Page<String> page =
              world.listChildren(
                  world.addons, request.clusterName(), request.maxResults(), request.nextToken());
          return ListAddonsResponse.builder()
              .addons(page.items())
              .nextToken(page.nextToken())
              .build();
        });
  }

  @Override
  public UpdateAddonResponse updateAddon(UpdateAddonRequest request) {
    return call(
        "UpdateAddon",
        request,
        () -> UpdateAddonResponse.builder().update(world.addonUpdates.update(request)).build());
  }

  @Override
  public DescribeAddonVersionsResponse describeAddonVersions(DescribeAddonVersionsRequest request) {
    return call(
        "DescribeAddonVersions",
        request,
        () ->
            DescribeAddonVersionsResponse.builder()
                .addons(AddonCatalog.info(request.addonName(), request.kubernetesVersion()))
                .build());
  }

  @Override
  public DescribeAddonConfigurationResponse describeAddonConfiguration(
      DescribeAddonConfigurationRequest request) {
    return call(
        "DescribeAddonConfiguration",
        request,
        () -> AddonCatalog.configuration(request.addonName(), request.addonVersion()));
  }

  @Override
  public DeleteAddonResponse deleteAddon(DeleteAddonRequest request) {
    return call(
        "DeleteAddon",
        request,
        () ->
            DeleteAddonResponse.builder()
                .addon(world.addons.delete(request.clusterName(), request.addonName()))
                .build());
  }

  @Override
  public CreateAccessEntryResponse createAccessEntry(CreateAccessEntryRequest request) {
    return call(
        "CreateAccessEntry",
        request,
        () ->
            CreateAccessEntryResponse.builder()
                .accessEntry(
                    world.accessEntries.create(
                        request, world.clusters.requireActive(request.clusterName())))
                .build());
  }

  @Override
  public DescribeAccessEntryResponse describeAccessEntry(DescribeAccessEntryRequest request) {
    return call(
        "DescribeAccessEntry",
        request,
        () -> {
          world.clusters.require(request.clusterName());
          return DescribeAccessEntryResponse.builder()
              .accessEntry(
                  world.accessEntries.describe(request.clusterName(), request.principalArn()))
              .build();
        });
  }

  /** Every entry of the cluster on one page. */
  @Override
  public ListAccessEntriesResponse listAccessEntries(ListAccessEntriesRequest request) {
    return call(
        "ListAccessEntries",
        request,
        () -> {
          world.clusters.require(request.clusterName());
          return ListAccessEntriesResponse.builder()
              .accessEntries(world.accessEntries.principals(request.clusterName()))
              .build();
        });
  }

  @Override
  public DeleteAccessEntryResponse deleteAccessEntry(DeleteAccessEntryRequest request) {
    return call(
        "DeleteAccessEntry",
        request,
        () -> {
          world.clusters.require(request.clusterName());
          world.accessEntries.delete(request.clusterName(), request.principalArn());
          return DeleteAccessEntryResponse.builder().build();
        });
  }

  @Override
  public CreatePodIdentityAssociationResponse createPodIdentityAssociation(
      CreatePodIdentityAssociationRequest request) {
    return call(
        "CreatePodIdentityAssociation",
        request,
        () ->
            CreatePodIdentityAssociationResponse.builder()
                .association(world.podIdentity.create(request, world.clusters))
                .build());
  }

  @Override
  public UpdateAccessEntryResponse updateAccessEntry(UpdateAccessEntryRequest request) {
    return call(
        "UpdateAccessEntry",
        request,
        () -> {
          world.clusters.require(request.clusterName());
          return UpdateAccessEntryResponse.builder()
              .accessEntry(world.accessEntries.update(request))
              .build();
        });
  }

  @Override
  public AssociateAccessPolicyResponse associateAccessPolicy(AssociateAccessPolicyRequest request) {
    return call("AssociateAccessPolicy", request, () -> EksAccess.associate(world, request));
  }

  @Override
  public DisassociateAccessPolicyResponse disassociateAccessPolicy(
      DisassociateAccessPolicyRequest request) {
    return call("DisassociateAccessPolicy", request, () -> EksAccess.disassociate(world, request));
  }

  @Override
  public ListAssociatedAccessPoliciesResponse listAssociatedAccessPolicies(
      ListAssociatedAccessPoliciesRequest request) {
    return call(
        "ListAssociatedAccessPolicies", request, () -> EksAccess.listAssociated(world, request));
  }

  @Override
  public ListAccessPoliciesResponse listAccessPolicies(ListAccessPoliciesRequest request) {
    return call("ListAccessPolicies", request, () -> EksAccess.listPolicies(request));
  }

  @Override
  public DescribeClusterVersionsResponse describeClusterVersions(
      DescribeClusterVersionsRequest request) {
    return call(
        "DescribeClusterVersions",
        request,
        () -> KubernetesVersions.describe(request, world.context.now()));
  }

  @Override
  public ListInsightsResponse listInsights(ListInsightsRequest request) {
    return call(
        "ListInsights",
        request,
        () -> world.insights.list(request, world.clusters.require(request.clusterName())));
  }

  @Override
  public DescribeInsightResponse describeInsight(DescribeInsightRequest request) {
    return call(
        "DescribeInsight",
        request,
        () ->
            DescribeInsightResponse.builder()
                .insight(
                    world.insights.describe(
                        world.clusters.require(request.clusterName()), request.id()))
                .build());
  }

  @Override
  public DescribePodIdentityAssociationResponse describePodIdentityAssociation(
      DescribePodIdentityAssociationRequest request) {
    return call(
        "DescribePodIdentityAssociation",
        request,
        () -> {
          world.clusters.require(request.clusterName());
          return DescribePodIdentityAssociationResponse.builder()
              .association(
                  world.podIdentity.describe(request.clusterName(), request.associationId()))
              .build();
        });
  }

  @Override
  public ListPodIdentityAssociationsResponse listPodIdentityAssociations(
      ListPodIdentityAssociationsRequest request) {
    return call(
        "ListPodIdentityAssociations",
        request,
        () -> {
          world.clusters.require(request.clusterName());
          return world.podIdentity.list(request);
        });
  }

  @Override
  public UpdatePodIdentityAssociationResponse updatePodIdentityAssociation(
      UpdatePodIdentityAssociationRequest request) {
    return call(
        "UpdatePodIdentityAssociation",
        request,
        () -> {
          world.clusters.require(request.clusterName());
          return UpdatePodIdentityAssociationResponse.builder()
              .association(world.podIdentity.update(request))
              .build();
        });
  }

  @Override
  public DeletePodIdentityAssociationResponse deletePodIdentityAssociation(
      DeletePodIdentityAssociationRequest request) {
    return call(
        "DeletePodIdentityAssociation",
        request,
        () -> {
          world.clusters.require(request.clusterName());
          return DeletePodIdentityAssociationResponse.builder()
              .association(world.podIdentity.delete(request.clusterName(), request.associationId()))
              .build();
        });
  }

  /** The VPC configuration of running cluster {@code name}; not a recorded call. */
  VpcConfigResponse runningClusterVpc(String name) {
    return world.runningClusterVpc(name);
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  /**
   * The simulation owns no connection; {@link dev.ekskit.simulator.SimulatedAws#close()} ends it.
   */
  @Override
  public void close() {}

  private <T> T call(String operation, EksRequest request, Supplier<T> action) {
    return gateway.call(
        Service.EKS,
        operation,
        request,
        () -> {
          world.settle();
          return action.get();
        });
  }
}
