package dev.ekskit.nodes.moto;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.eks.model.AccessEntry;
import software.amazon.awssdk.services.eks.model.CreateAccessEntryRequest;
import software.amazon.awssdk.services.eks.model.CreateAccessEntryResponse;
import software.amazon.awssdk.services.eks.model.DeleteAccessEntryRequest;
import software.amazon.awssdk.services.eks.model.DeleteAccessEntryResponse;
import software.amazon.awssdk.services.eks.model.DeleteClusterRequest;
import software.amazon.awssdk.services.eks.model.DeleteClusterResponse;
import software.amazon.awssdk.services.eks.model.DescribeAccessEntryRequest;
import software.amazon.awssdk.services.eks.model.DescribeAccessEntryResponse;
import software.amazon.awssdk.services.eks.model.DescribeClusterRequest;
import software.amazon.awssdk.services.eks.model.DescribeClusterResponse;
import software.amazon.awssdk.services.eks.model.DescribeFargateProfileRequest;
import software.amazon.awssdk.services.eks.model.DescribeFargateProfileResponse;
import software.amazon.awssdk.services.eks.model.DescribeNodegroupRequest;
import software.amazon.awssdk.services.eks.model.DescribeNodegroupResponse;
import software.amazon.awssdk.services.eks.model.ListAccessEntriesRequest;
import software.amazon.awssdk.services.eks.model.ListAccessEntriesResponse;
import software.amazon.awssdk.services.eks.model.ListAddonsRequest;
import software.amazon.awssdk.services.eks.model.ListAddonsResponse;
import software.amazon.awssdk.services.eks.model.ListAssociatedAccessPoliciesRequest;
import software.amazon.awssdk.services.eks.model.ListAssociatedAccessPoliciesResponse;
import software.amazon.awssdk.services.eks.model.ListFargateProfilesRequest;
import software.amazon.awssdk.services.eks.model.ListFargateProfilesResponse;
import software.amazon.awssdk.services.eks.model.ListNodegroupsRequest;
import software.amazon.awssdk.services.eks.model.ListNodegroupsResponse;
import software.amazon.awssdk.services.eks.model.ListPodIdentityAssociationsRequest;
import software.amazon.awssdk.services.eks.model.ListPodIdentityAssociationsResponse;
import software.amazon.awssdk.services.eks.model.ResourceInUseException;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;
import software.amazon.awssdk.services.eks.paginators.ListAccessEntriesIterable;
import software.amazon.awssdk.services.eks.paginators.ListAssociatedAccessPoliciesIterable;

/**
 * moto's EKS for everything it has, plus the access entries it lacks (its answer is an HTML 404)
 * kept in a map with EKS's rules: one entry per principal, 409 on a second, 404 when missing; and
 * the empty lists of add-ons and Pod Identity associations AWS gives for a cluster without them.
 */
final class AccessEntriesBesideMoto implements EksClient {
  private final EksClient moto;
  private final Map<String, AccessEntry> entries = new ConcurrentHashMap<>();

  AccessEntriesBesideMoto(EksClient moto) {
    this.moto = moto;
  }

  Map<String, AccessEntry> entries() {
    return entries;
  }

  @Override
  public CreateAccessEntryResponse createAccessEntry(CreateAccessEntryRequest request) {
    AccessEntry entry =
        AccessEntry.builder()
            .clusterName(request.clusterName())
            .principalArn(request.principalArn())
            .type(request.type())
            .tags(request.tags())
            .build();
    if (entries.putIfAbsent(key(request.clusterName(), request.principalArn()), entry) != null) {
      throw ResourceInUseException.builder()
          .statusCode(409)
          .awsErrorDetails(error("ResourceInUseException"))
          .build();
    }
    return CreateAccessEntryResponse.builder().accessEntry(entry).build();
  }

  @Override
  public DescribeAccessEntryResponse describeAccessEntry(DescribeAccessEntryRequest request) {
    AccessEntry entry = entries.get(key(request.clusterName(), request.principalArn()));
    if (entry == null) {
      throw notFound();
    }
    return DescribeAccessEntryResponse.builder().accessEntry(entry).build();
  }

  @Override
  public DeleteAccessEntryResponse deleteAccessEntry(DeleteAccessEntryRequest request) {
    if (entries.remove(key(request.clusterName(), request.principalArn())) == null) {
      throw notFound();
    }
    return DeleteAccessEntryResponse.builder().build();
  }

  @Override
  public DescribeClusterResponse describeCluster(DescribeClusterRequest request) {
    return moto.describeCluster(request);
  }

  @Override
  public DeleteClusterResponse deleteCluster(DeleteClusterRequest request) {
    return moto.deleteCluster(request);
  }

  /** moto has no add-ons (its answer is an HTML 404): a cluster that exists has none. */
  @Override
  public ListAddonsResponse listAddons(ListAddonsRequest request) {
    moto.describeCluster(r -> r.name(request.clusterName()));
    return ListAddonsResponse.builder().build();
  }

  @Override
  public ListAccessEntriesResponse listAccessEntries(ListAccessEntriesRequest request) {
    moto.describeCluster(r -> r.name(request.clusterName()));
    return ListAccessEntriesResponse.builder()
        .accessEntries(
            entries.values().stream()
                .filter(e -> e.clusterName().equals(request.clusterName()))
                .map(AccessEntry::principalArn)
                .toList())
        .build();
  }

  @Override
  public ListAccessEntriesIterable listAccessEntriesPaginator(ListAccessEntriesRequest request) {
    return new ListAccessEntriesIterable(this, request);
  }

  /** The entries node groups make carry no access policy. */
  @Override
  public ListAssociatedAccessPoliciesIterable listAssociatedAccessPoliciesPaginator(
      ListAssociatedAccessPoliciesRequest request) {
    describeAccessEntry(
        r -> r.clusterName(request.clusterName()).principalArn(request.principalArn()));
    return new ListAssociatedAccessPoliciesIterable(this, request);
  }

  @Override
  public ListAssociatedAccessPoliciesResponse listAssociatedAccessPolicies(
      ListAssociatedAccessPoliciesRequest request) {
    return ListAssociatedAccessPoliciesResponse.builder().build();
  }

  /** Nor Pod Identity associations. */
  @Override
  public ListPodIdentityAssociationsResponse listPodIdentityAssociations(
      ListPodIdentityAssociationsRequest request) {
    moto.describeCluster(r -> r.name(request.clusterName()));
    return ListPodIdentityAssociationsResponse.builder().build();
  }

  @Override
  public ListNodegroupsResponse listNodegroups(ListNodegroupsRequest request) {
    return moto.listNodegroups(request);
  }

  @Override
  public DescribeNodegroupResponse describeNodegroup(DescribeNodegroupRequest request) {
    return moto.describeNodegroup(request);
  }

  @Override
  public ListFargateProfilesResponse listFargateProfiles(ListFargateProfilesRequest request) {
    return moto.listFargateProfiles(request);
  }

  @Override
  public DescribeFargateProfileResponse describeFargateProfile(
      DescribeFargateProfileRequest request) {
    return moto.describeFargateProfile(request);
  }

  @Override
  public String serviceName() {
    return moto.serviceName();
  }

  @Override
  public void close() {}

  private static String key(String cluster, String principal) {
    return cluster + "|" + principal;
  }

  private static ResourceNotFoundException notFound() {
    return (ResourceNotFoundException)
        ResourceNotFoundException.builder()
            .statusCode(404)
            .awsErrorDetails(error("ResourceNotFoundException"))
            .build();
  }

  private static AwsErrorDetails error(String code) {
    return AwsErrorDetails.builder().errorCode(code).errorMessage(code).build();
  }
}
