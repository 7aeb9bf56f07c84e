package dev.ekskit.simulator.internal;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AddRoleToInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.AddRoleToInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.AttachRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.AttachedPermissionsBoundary;
import software.amazon.awssdk.services.iam.model.AttachedPolicy;
import software.amazon.awssdk.services.iam.model.CreateInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.CreateInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.CreateOpenIdConnectProviderRequest;
import software.amazon.awssdk.services.iam.model.CreateOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.CreateRoleRequest;
import software.amazon.awssdk.services.iam.model.CreateRoleResponse;
import software.amazon.awssdk.services.iam.model.DeleteInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.DeleteInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.DeleteOpenIdConnectProviderRequest;
import software.amazon.awssdk.services.iam.model.DeleteOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.DeleteRoleRequest;
import software.amazon.awssdk.services.iam.model.DeleteRoleResponse;
import software.amazon.awssdk.services.iam.model.DetachRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DetachRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.GetInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.GetInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.GetOpenIdConnectProviderRequest;
import software.amazon.awssdk.services.iam.model.GetOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.GetRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.GetRoleRequest;
import software.amazon.awssdk.services.iam.model.GetRoleResponse;
import software.amazon.awssdk.services.iam.model.IamRequest;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListAttachedRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListInstanceProfileTagsRequest;
import software.amazon.awssdk.services.iam.model.ListInstanceProfileTagsResponse;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesForRoleRequest;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesForRoleResponse;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesRequest;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesResponse;
import software.amazon.awssdk.services.iam.model.ListOpenIdConnectProviderTagsRequest;
import software.amazon.awssdk.services.iam.model.ListOpenIdConnectProviderTagsResponse;
import software.amazon.awssdk.services.iam.model.ListOpenIdConnectProvidersRequest;
import software.amazon.awssdk.services.iam.model.ListOpenIdConnectProvidersResponse;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.ListRoleTagsRequest;
import software.amazon.awssdk.services.iam.model.ListRoleTagsResponse;
import software.amazon.awssdk.services.iam.model.ListRolesRequest;
import software.amazon.awssdk.services.iam.model.ListRolesResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.PermissionsBoundaryAttachmentType;
import software.amazon.awssdk.services.iam.model.PutRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.PutRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.RemoveRoleFromInstanceProfileRequest;
import software.amazon.awssdk.services.iam.model.RemoveRoleFromInstanceProfileResponse;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;
import software.amazon.awssdk.services.iam.model.TagOpenIdConnectProviderRequest;
import software.amazon.awssdk.services.iam.model.TagOpenIdConnectProviderResponse;
import software.amazon.awssdk.services.iam.model.UntagOpenIdConnectProviderRequest;
import software.amazon.awssdk.services.iam.model.UntagOpenIdConnectProviderResponse;

/**
 * Simulated IAM: roles with managed and inline policies, instance profiles, and OpenID Connect
 * providers; each found by name (providers by ARN), or listed by path prefix with its tags listed
 * apart. A role made through CreateRole reaches EKS only after a few seconds ({@link
 * IamState#propagating}).
 */
public final class SimulatedIam implements IamClient {
  private final Gateway gateway;
  private final IamState state;
  private final RolePolicies inlinePolicies;
  private final OidcProviders oidcProviders;

  public SimulatedIam(Gateway gateway, IamState state, String accountId) {
    this.gateway = gateway;
    this.state = state;
    this.inlinePolicies = new RolePolicies(state);
    this.oidcProviders = new OidcProviders(accountId, state.clock());
  }

  @Override
  public CreateRoleResponse createRole(CreateRoleRequest request) {
    return call(
        "CreateRole",
        request,
        () ->
            CreateRoleResponse.builder()
                .role(
                    role(
                        state.propagating(
                            state.createRole(
                                request.roleName(),
                                request.path(),
                                request.assumeRolePolicyDocument(),
                                tags(request.tags()),
                                request.description(),
                                request.permissionsBoundary()))))
                .build());
  }

  @Override
  public GetRoleResponse getRole(GetRoleRequest request) {
    return call(
        "GetRole",
        request,
        () -> GetRoleResponse.builder().role(role(state.role(request.roleName()))).build());
  }

  @Override
  public DeleteRoleResponse deleteRole(DeleteRoleRequest request) {
    return call(
        "DeleteRole",
        request,
        () -> {
          state.deleteRole(request.roleName());
          return DeleteRoleResponse.builder().build();
        });
  }

  @Override
  public AttachRolePolicyResponse attachRolePolicy(AttachRolePolicyRequest request) {
    return call(
        "AttachRolePolicy",
        request,
        () -> {
          if (!request.policyArn().matches("arn:aws[a-z-]*:iam::(aws|\\d{12}):policy/.+")) {
            throw Errors.iam(
                NoSuchEntityException.builder(),
                404,
                "NoSuchEntity",
                "Policy " + request.policyArn() + " does not exist or is not attachable.");
          }
          state.role(request.roleName()).policies.add(request.policyArn());
          return AttachRolePolicyResponse.builder().build();
        });
  }

  @Override
  public DetachRolePolicyResponse detachRolePolicy(DetachRolePolicyRequest request) {
    return call(
        "DetachRolePolicy",
        request,
        () -> {
          if (!state.role(request.roleName()).policies.remove(request.policyArn())) {
            throw Errors.iam(
                NoSuchEntityException.builder(),
                404,
                "NoSuchEntity",
                "Policy " + request.policyArn() + " was not found.");
          }
          return DetachRolePolicyResponse.builder().build();
        });
  }

  @Override
  public ListAttachedRolePoliciesResponse listAttachedRolePolicies(
      ListAttachedRolePoliciesRequest request) {
    return call(
        "ListAttachedRolePolicies",
        request,
        () ->
            ListAttachedRolePoliciesResponse.builder()
                .attachedPolicies(
                    state.role(request.roleName()).policies.stream()
                        .map(
                            arn ->
                                AttachedPolicy.builder()
                                    .policyArn(arn)
                                    .policyName(arn.substring(arn.lastIndexOf('/') + 1))
                                    .build())
                        .toList())
                .isTruncated(false)
                .build());
  }

  @Override
  public PutRolePolicyResponse putRolePolicy(PutRolePolicyRequest request) {
    return call("PutRolePolicy", request, () -> inlinePolicies.put(request));
  }

  @Override
  public GetRolePolicyResponse getRolePolicy(GetRolePolicyRequest request) {
    return call("GetRolePolicy", request, () -> inlinePolicies.get(request));
  }

  @Override
  public ListRolePoliciesResponse listRolePolicies(ListRolePoliciesRequest request) {
    return call("ListRolePolicies", request, () -> inlinePolicies.list(request));
  }

  @Override
  public DeleteRolePolicyResponse deleteRolePolicy(DeleteRolePolicyRequest request) {
    return call("DeleteRolePolicy", request, () -> inlinePolicies.delete(request));
  }

  /** Every profile holding the role, on one page. */
  @Override
  public ListInstanceProfilesForRoleResponse listInstanceProfilesForRole(
      ListInstanceProfilesForRoleRequest request) {
    return call(
        "ListInstanceProfilesForRole",
        request,
        () ->
            ListInstanceProfilesForRoleResponse.builder()
                .instanceProfiles(
                    state.profilesHolding(request.roleName()).stream()
                        .map(this::listedProfile)
                        .toList())
                .isTruncated(false)
                .build());
  }

  @Override
  public CreateOpenIdConnectProviderResponse createOpenIDConnectProvider(
      CreateOpenIdConnectProviderRequest request) {
    return call("CreateOpenIDConnectProvider", request, () -> oidcProviders.create(request));
  }

  @Override
  public GetOpenIdConnectProviderResponse getOpenIDConnectProvider(
      GetOpenIdConnectProviderRequest request) {
    return call(
        "GetOpenIDConnectProvider",
        request,
        () -> oidcProviders.get(request.openIDConnectProviderArn()));
  }

  @Override
  public ListOpenIdConnectProvidersResponse listOpenIDConnectProviders(
      ListOpenIdConnectProvidersRequest request) {
    return call("ListOpenIDConnectProviders", request, oidcProviders::list);
  }

  @Override
  public ListOpenIdConnectProvidersResponse listOpenIDConnectProviders() {
    return listOpenIDConnectProviders(ListOpenIdConnectProvidersRequest.builder().build());
  }

  @Override
  public DeleteOpenIdConnectProviderResponse deleteOpenIDConnectProvider(
      DeleteOpenIdConnectProviderRequest request) {
    return call(
        "DeleteOpenIDConnectProvider",
        request,
        () -> {
          oidcProviders.delete(request.openIDConnectProviderArn());
          return DeleteOpenIdConnectProviderResponse.builder().build();
        });
  }

  @Override
  public TagOpenIdConnectProviderResponse tagOpenIDConnectProvider(
      TagOpenIdConnectProviderRequest request) {
    return call(
        "TagOpenIDConnectProvider",
        request,
        () -> {
          oidcProviders.tag(request.openIDConnectProviderArn(), request.tags());
          return TagOpenIdConnectProviderResponse.builder().build();
        });
  }

  @Override
  public UntagOpenIdConnectProviderResponse untagOpenIDConnectProvider(
      UntagOpenIdConnectProviderRequest request) {
    return call(
        "UntagOpenIDConnectProvider",
        request,
        () -> {
          oidcProviders.untag(request.openIDConnectProviderArn(), request.tagKeys());
          return UntagOpenIdConnectProviderResponse.builder().build();
        });
  }

  @Override
  public ListOpenIdConnectProviderTagsResponse listOpenIDConnectProviderTags(
      ListOpenIdConnectProviderTagsRequest request) {
    return call("ListOpenIDConnectProviderTags", request, () -> oidcProviders.tags(request));
  }

  @Override
  public CreateInstanceProfileResponse createInstanceProfile(CreateInstanceProfileRequest request) {
    return call(
        "CreateInstanceProfile",
        request,
        () ->
            CreateInstanceProfileResponse.builder()
                .instanceProfile(
                    profile(
                        state.createProfile(
                            request.instanceProfileName(), request.path(), tags(request.tags()))))
                .build());
  }

  @Override
  public GetInstanceProfileResponse getInstanceProfile(GetInstanceProfileRequest request) {
    return call(
        "GetInstanceProfile",
        request,
        () ->
            GetInstanceProfileResponse.builder()
                .instanceProfile(profile(state.profile(request.instanceProfileName())))
                .build());
  }

  /** Without tags, as IAM lists them: ListInstanceProfileTags or GetInstanceProfile has them. */
  @Override
  public ListInstanceProfilesResponse listInstanceProfiles(ListInstanceProfilesRequest request) {
    return call(
        "ListInstanceProfiles",
        request,
        () -> {
          Page<IamState.Profile> page =
              IamPaging.page(
                  state.profiles(request.pathPrefix()), request.maxItems(), request.marker());
          return ListInstanceProfilesResponse.builder()
              .instanceProfiles(page.items().stream().map(this::listedProfile).toList())
              .isTruncated(page.nextToken() != null)
              .marker(page.nextToken())
              .build();
        });
  }

  @Override
  public ListInstanceProfileTagsResponse listInstanceProfileTags(
      ListInstanceProfileTagsRequest request) {
    return call(
        "ListInstanceProfileTags",
        request,
        () -> {
          Page<Tag> page =
              IamPaging.page(
                  tagList(state.profile(request.instanceProfileName()).tags),
                  request.maxItems(),
                  request.marker());
          return ListInstanceProfileTagsResponse.builder()
              .tags(page.items())
              .isTruncated(page.nextToken() != null)
              .marker(page.nextToken())
              .build();
        });
  }

  /** Without their tags, as IAM lists them: ListRoleTags or GetRole has them. */
  @Override
  public ListRolesResponse listRoles(ListRolesRequest request) {
    return call(
        "ListRoles",
        request,
        () -> {
          Page<IamState.Role> page =
              IamPaging.page(
                  state.roles(request.pathPrefix()), request.maxItems(), request.marker());
          return ListRolesResponse.builder()
              .roles(page.items().stream().map(this::listedRole).toList())
              .isTruncated(page.nextToken() != null)
              .marker(page.nextToken())
              .build();
        });
  }

  @Override
  public ListRoleTagsResponse listRoleTags(ListRoleTagsRequest request) {
    return call(
        "ListRoleTags",
        request,
        () -> {
          Page<Tag> page =
              IamPaging.page(
                  tagList(state.role(request.roleName()).tags),
                  request.maxItems(),
                  request.marker());
          return ListRoleTagsResponse.builder()
              .tags(page.items())
              .isTruncated(page.nextToken() != null)
              .marker(page.nextToken())
              .build();
        });
  }

  @Override
  public AddRoleToInstanceProfileResponse addRoleToInstanceProfile(
      AddRoleToInstanceProfileRequest request) {
    return call(
        "AddRoleToInstanceProfile",
        request,
        () -> {
          state.addRole(request.instanceProfileName(), request.roleName());
          return AddRoleToInstanceProfileResponse.builder().build();
        });
  }

  @Override
  public RemoveRoleFromInstanceProfileResponse removeRoleFromInstanceProfile(
      RemoveRoleFromInstanceProfileRequest request) {
    return call(
        "RemoveRoleFromInstanceProfile",
        request,
        () -> {
          state.removeRole(request.instanceProfileName(), request.roleName());
          return RemoveRoleFromInstanceProfileResponse.builder().build();
        });
  }

  @Override
  public DeleteInstanceProfileResponse deleteInstanceProfile(DeleteInstanceProfileRequest request) {
    return call(
        "DeleteInstanceProfile",
        request,
        () -> {
          state.deleteProfile(request.instanceProfileName());
          return DeleteInstanceProfileResponse.builder().build();
        });
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {}

  private <T> T call(String operation, IamRequest request, Supplier<T> action) {
    return gateway.call(Service.IAM, operation, request, action);
  }

  private Role role(IamState.Role role) {
    return Role.builder()
        .roleName(role.name)
        .path(role.path)
        .arn(role.arn)
        .roleId("AROA" + Math.abs(role.arn.hashCode()))
        .assumeRolePolicyDocument(role.trustPolicy)
        .description(role.description)
        .permissionsBoundary(boundary(role))
        .createDate(role.createdAt)
        .tags(tagList(role.tags))
        .build();
  }

  private InstanceProfile profile(IamState.Profile profile) {
    return InstanceProfile.builder()
        .instanceProfileName(profile.name)
        .path(profile.path)
        .arn(profile.arn)
        .instanceProfileId("AIPA" + Math.abs(profile.arn.hashCode()))
        .createDate(profile.createdAt)
        .roles(profile.roles.stream().map(name -> role(state.role(name))).toList())
        .tags(tagList(profile.tags))
        .build();
  }

  private static AttachedPermissionsBoundary boundary(IamState.Role role) {
    return role.permissionsBoundary == null
        ? null
        : AttachedPermissionsBoundary.builder()
            .permissionsBoundaryArn(role.permissionsBoundary)
            .permissionsBoundaryType(PermissionsBoundaryAttachmentType.PERMISSIONS_BOUNDARY_POLICY)
            .build();
  }

  /** As IAM lists a role: without tags and permissions boundary. */
  private Role listedRole(IamState.Role role) {
    return role(role).toBuilder()
        .tags((Collection<Tag>) null)
        .permissionsBoundary((AttachedPermissionsBoundary) null)
        .build();
  }

  private InstanceProfile listedProfile(IamState.Profile profile) {
    return profile(profile).toBuilder()
        .tags((Collection<Tag>) null)
        .roles(profile.roles.stream().map(name -> listedRole(state.role(name))).toList())
        .build();
  }

  private static Map<String, String> tags(List<Tag> tags) {
    Map<String, String> map = new LinkedHashMap<>();
    tags.forEach(t -> map.put(t.key(), t.value()));
    return map;
  }

  private static List<Tag> tagList(Map<String, String> tags) {
    return tags.entrySet().stream()
        .map(e -> Tag.builder().key(e.getKey()).value(e.getValue()).build())
        .toList();
  }
}
