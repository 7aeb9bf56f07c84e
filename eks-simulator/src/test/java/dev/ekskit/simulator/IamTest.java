package dev.ekskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.InstanceProfile;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.ListInstanceProfilesResponse;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;
import software.amazon.awssdk.services.iam.model.Role;
import software.amazon.awssdk.services.iam.model.Tag;

/**
 * IAM answers as AWS gives them. Where moto differs (a second RemoveRoleFromInstanceProfile gives
 * HTML 500 there), these follow AWS.
 */
class IamTest extends SimulatedAwsFixture {
  private static final Tag CLUSTER_TAG =
      Tag.builder().key("ekskit/cluster").value("orders").build();

  private final IamClient iam = aws.iam();

  IamTest() {
    aws.createRole("node", "ec2.amazonaws.com");
  }

  @Test
  void addRoleToInstanceProfile_sameRoleTwice_limitExceeded409() {
    createProfile("p", "/");
    iam.addRoleToInstanceProfile(r -> r.instanceProfileName("p").roleName("node"));

    var error =
        assertAwsError(
            () -> iam.addRoleToInstanceProfile(r -> r.instanceProfileName("p").roleName("node")),
            LimitExceededException.class,
            409,
            "LimitExceeded");

    assertThat(error.awsErrorDetails().errorMessage())
        .isEqualTo("Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1");
    assertThat(profile("p").roles()).hasSize(1);
  }

  @Test
  void removeRoleFromInstanceProfile_roleNotInIt_noSuchEntity404() {
    createProfile("p", "/");
    iam.addRoleToInstanceProfile(r -> r.instanceProfileName("p").roleName("node"));
    iam.removeRoleFromInstanceProfile(r -> r.instanceProfileName("p").roleName("node"));

    assertAwsError(
        () -> iam.removeRoleFromInstanceProfile(r -> r.instanceProfileName("p").roleName("node")),
        NoSuchEntityException.class,
        404,
        "NoSuchEntity");
  }

  @Test
  void removeRoleFromInstanceProfile_profileMissing_noSuchEntity404() {
    assertAwsError(
        () ->
            iam.removeRoleFromInstanceProfile(r -> r.instanceProfileName("gone").roleName("node")),
        NoSuchEntityException.class,
        404,
        "NoSuchEntity");
  }

  @Test
  void deleteInstanceProfile_roleStillInIt_deleteConflict409() {
    createProfile("p", "/");
    iam.addRoleToInstanceProfile(r -> r.instanceProfileName("p").roleName("node"));

    assertAwsError(
        () -> iam.deleteInstanceProfile(r -> r.instanceProfileName("p")),
        DeleteConflictException.class,
        409,
        "DeleteConflict");
    assertThat(profile("p").roles()).extracting(Role::roleName).containsExactly("node");
  }

  @Test
  void deleteInstanceProfile_missing_noSuchEntity404() {
    createProfile("p", "/");
    iam.deleteInstanceProfile(r -> r.instanceProfileName("p"));

    assertAwsError(
        () -> iam.deleteInstanceProfile(r -> r.instanceProfileName("p")),
        NoSuchEntityException.class,
        404,
        "NoSuchEntity");
  }

  @Test
  void createInstanceProfile_existingName_entityAlreadyExists409() {
    createProfile("p", "/");

    assertAwsError(
        () -> createProfile("p", "/other/"),
        EntityAlreadyExistsException.class,
        409,
        "EntityAlreadyExists");
  }

  @Test
  void getInstanceProfile_tagged_returnsTags() {
    createProfile("p", "/ekskit/");

    assertThat(profile("p").tags()).containsExactly(CLUSTER_TAG);
  }

  @Test
  void listInstanceProfiles_pathPrefix_onlyThoseUnderItWithoutTags() {
    createProfile("mine", "/ekskit/orders/");
    createProfile("theirs", "/");
    iam.addRoleToInstanceProfile(r -> r.instanceProfileName("mine").roleName("node"));

    List<InstanceProfile> found =
        iam.listInstanceProfiles(r -> r.pathPrefix("/ekskit/")).instanceProfiles();

    // AWS: "this operation does not return tags"; ListInstanceProfileTags has them.
    assertThat(found).singleElement().satisfies(p -> assertThat(p.hasTags()).isFalse());
    assertThat(found.get(0).instanceProfileName()).isEqualTo("mine");
    assertThat(found.get(0).roles()).extracting(Role::roleName).containsExactly("node");
    assertThat(iam.listInstanceProfiles(r -> {}).instanceProfiles()).hasSize(2);
  }

  @Test
  void listInstanceProfiles_maxItems_pagesWithMarker() {
    for (String name : List.of("a", "b", "c", "d", "e")) {
      createProfile(name, "/ekskit/");
    }

    ListInstanceProfilesResponse first = iam.listInstanceProfiles(r -> r.maxItems(2));
    ListInstanceProfilesResponse last =
        iam.listInstanceProfiles(r -> r.maxItems(3).marker(first.marker()));

    assertThat(first.isTruncated()).isTrue();
    assertThat(first.instanceProfiles())
        .extracting(InstanceProfile::instanceProfileName)
        .containsExactly("a", "b");
    assertThat(last.isTruncated()).isFalse();
    assertThat(last.marker()).isNull();
    assertThat(last.instanceProfiles())
        .extracting(InstanceProfile::instanceProfileName)
        .containsExactly("c", "d", "e");
    assertThat(
            iam.listInstanceProfilesPaginator(r -> r.maxItems(2)).instanceProfiles().stream()
                .map(InstanceProfile::instanceProfileName))
        .containsExactly("a", "b", "c", "d", "e");
  }

  @Test
  void listInstanceProfiles_badMaxItemsOrMarker_validationError400() {
    assertAwsError(
        () -> iam.listInstanceProfiles(r -> r.maxItems(0)),
        IamException.class,
        400,
        "ValidationError");
    assertAwsError(
        () -> iam.listInstanceProfiles(r -> r.marker("not-a-marker")),
        IamException.class,
        400,
        "ValidationError");
  }

  @Test
  void listInstanceProfileTags_tagged_returnsTagsAndMissingIsNoSuchEntity() {
    createProfile("p", "/ekskit/");

    assertThat(iam.listInstanceProfileTags(r -> r.instanceProfileName("p")).tags())
        .containsExactly(CLUSTER_TAG);
    assertAwsError(
        () -> iam.listInstanceProfileTags(r -> r.instanceProfileName("gone")),
        NoSuchEntityException.class,
        404,
        "NoSuchEntity");
  }

  @Test
  void listRoles_pathPrefix_onlyThoseUnderItWithoutTagsAndListRoleTagsHasThem() {
    iam.createRole(
        r ->
            r.roleName("orders-node")
                .path("/ekskit/")
                .assumeRolePolicyDocument("{}")
                .tags(CLUSTER_TAG));

    List<Role> found = iam.listRoles(r -> r.pathPrefix("/ekskit/")).roles();

    assertThat(found).extracting(Role::roleName).containsExactly("orders-node");
    assertThat(found.get(0).hasTags()).isFalse();
    assertThat(iam.listRoles(r -> {}).roles()).extracting(Role::roleName).contains("node");
    assertThat(iam.listRoleTags(r -> r.roleName("orders-node")).tags())
        .containsExactly(CLUSTER_TAG);
    assertAwsError(
        () -> iam.listRoleTags(r -> r.roleName("gone")),
        NoSuchEntityException.class,
        404,
        "NoSuchEntity");
  }

  @Test
  void listRoles_maxItems_pagesWithMarker() {
    for (String name : List.of("r1", "r2", "r3")) {
      iam.createRole(r -> r.roleName(name).path("/paged/").assumeRolePolicyDocument("{}"));
    }

    var first = iam.listRoles(r -> r.pathPrefix("/paged/").maxItems(2));
    var second = iam.listRoles(r -> r.pathPrefix("/paged/").maxItems(2).marker(first.marker()));

    assertThat(first.roles()).extracting(Role::roleName).containsExactly("r1", "r2");
    assertThat(first.isTruncated()).isTrue();
    assertThat(second.roles()).extracting(Role::roleName).containsExactly("r3");
    assertThat(second.isTruncated()).isFalse();
  }

  private void createProfile(String name, String path) {
    iam.createInstanceProfile(r -> r.instanceProfileName(name).path(path).tags(CLUSTER_TAG));
  }

  private InstanceProfile profile(String name) {
    return iam.getInstanceProfile(r -> r.instanceProfileName(name)).instanceProfile();
  }
}
