package dev.ekskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AlreadyExistsException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.Instance;
import software.amazon.awssdk.services.autoscaling.model.ResourceInUseException;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.eks.model.AuthenticationMode;
import software.amazon.awssdk.services.eks.model.InvalidRequestException;
import software.amazon.awssdk.services.eks.model.ResourceNotFoundException;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.DeleteConflictException;
import software.amazon.awssdk.services.iam.model.EntityAlreadyExistsException;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.LimitExceededException;
import software.amazon.awssdk.services.iam.model.NoSuchEntityException;

/** IAM, launch templates, Auto Scaling and access entries: what self-managed nodes stand on. */
class NodeInfrastructureTest extends SimulatedAwsFixture {
  private final IamClient iam = aws.iam();
  private final AutoScalingClient autoScaling = aws.autoScaling();
  private final String nodeRole = aws.createRole("node", "ec2.amazonaws.com");

  @Test
  void createRole_twice_entityAlreadyExists409() {
    assertAwsError(
        () -> iam.createRole(r -> r.roleName("node").assumeRolePolicyDocument("{}")),
        EntityAlreadyExistsException.class,
        409,
        "EntityAlreadyExists");
    assertAwsError(
        () -> iam.getRole(r -> r.roleName("nobody")),
        NoSuchEntityException.class,
        404,
        "NoSuchEntity");
  }

  @Test
  void instanceProfile_oneRoleOnlyAndDeleteNeedsItRemoved() {
    iam.createInstanceProfile(r -> r.instanceProfileName("p"));
    iam.addRoleToInstanceProfile(r -> r.instanceProfileName("p").roleName("node"));
    aws.createRole("other", "ec2.amazonaws.com");

    assertAwsError(
        () -> iam.addRoleToInstanceProfile(r -> r.instanceProfileName("p").roleName("other")),
        LimitExceededException.class,
        409,
        "LimitExceeded");
    assertAwsError(
        () -> iam.deleteInstanceProfile(r -> r.instanceProfileName("p")),
        DeleteConflictException.class,
        409,
        "DeleteConflict");
    assertThat(iam.getInstanceProfile(r -> r.instanceProfileName("p")).instanceProfile().roles())
        .extracting(role -> role.arn())
        .containsExactly(nodeRole);

    iam.removeRoleFromInstanceProfile(r -> r.instanceProfileName("p").roleName("node"));
    iam.deleteInstanceProfile(r -> r.instanceProfileName("p"));
  }

  @Test
  void iam_throttled_throttlingCode400() {
    aws.faults().throttle("GetRole", 1.0);

    var error =
        assertAwsError(
            () -> iam.getRole(r -> r.roleName("node")), IamException.class, 400, "Throttling");
    assertThat(error.isThrottlingException()).isTrue();
  }

  @Test
  void createLaunchTemplate_sameTokenSameTemplate_otherTokenAlreadyExists() {
    String first = template("nodes", "token-1");

    assertThat(template("nodes", "token-1")).isEqualTo(first);
    assertAwsError(
        () -> template("nodes", "token-2"),
        Ec2Exception.class,
        400,
        "InvalidLaunchTemplateName.AlreadyExistsException");
    assertThat(
            aws.ec2()
                .describeLaunchTemplates(
                    r -> r.filters(f -> f.name("launch-template-name").values("missing")))
                .launchTemplates())
        .isEmpty();
    assertAwsError(
        () -> aws.ec2().describeLaunchTemplates(r -> r.launchTemplateNames("missing")),
        Ec2Exception.class,
        400,
        "InvalidLaunchTemplateName.NotFoundException");
  }

  @Test
  void autoScalingGroup_launchesPendingThenInService() {
    createGroup("workers", 2);

    assertThat(instances("workers"))
        .extracting(Instance::lifecycleStateAsString)
        .containsOnly("Pending");
    aws.time().advance(Duration.ofMinutes(5));

    assertThat(instances("workers"))
        .hasSize(2)
        .extracting(Instance::lifecycleStateAsString)
        .containsOnly("InService");
    assertAwsError(
        () ->
            autoScaling.createAutoScalingGroup(
                r -> r.autoScalingGroupName("workers").minSize(0).maxSize(1)),
        AlreadyExistsException.class,
        400,
        "AlreadyExists");
  }

  @Test
  void autoScalingGroup_freshInstanceProfile_firstLaunchFailsThenRetries() {
    aws.durations().instanceProfilePropagation(Duration.ofSeconds(30));
    iam.createInstanceProfile(r -> r.instanceProfileName("fresh"));
    iam.addRoleToInstanceProfile(r -> r.instanceProfileName("fresh").roleName("node"));

    createGroup("fresh-workers", 1, "fresh");
    aws.time().advance(Duration.ofMinutes(5));

    var activities =
        autoScaling
            .describeScalingActivities(r -> r.autoScalingGroupName("fresh-workers"))
            .activities();
    assertThat(activities.get(0).statusCodeAsString()).isEqualTo("Successful");
    assertThat(activities)
        .filteredOn(a -> "Failed".equals(a.statusCodeAsString()))
        .hasSize(2)
        .allSatisfy(a -> assertThat(a.statusMessage()).contains("Invalid IAM Instance Profile"));
    assertThat(instances("fresh-workers"))
        .extracting(Instance::lifecycleStateAsString)
        .containsOnly("InService");
  }

  @Test
  void autoScalingGroup_injectedLaunchFailure_failedActivitiesNoInstances() {
    aws.faults().failInstanceLaunches("starved", "We currently do not have sufficient capacity");

    createGroup("starved", 1);
    aws.time().advance(Duration.ofMinutes(2));

    assertThat(
            autoScaling
                .describeScalingActivities(r -> r.autoScalingGroupName("starved"))
                .activities())
        .hasSizeGreaterThanOrEqualTo(5)
        .allSatisfy(a -> assertThat(a.statusCodeAsString()).isEqualTo("Failed"));
    assertThat(instances("starved")).isEmpty();
  }

  @Test
  void deleteAutoScalingGroup_withoutForce_resourceInUse_withForce_goneAfterTermination() {
    createGroup("doomed", 2);
    aws.time().advance(Duration.ofMinutes(5));

    assertAwsError(
        () -> autoScaling.deleteAutoScalingGroup(r -> r.autoScalingGroupName("doomed")),
        ResourceInUseException.class,
        400,
        "ResourceInUse");
    autoScaling.deleteAutoScalingGroup(r -> r.autoScalingGroupName("doomed").forceDelete(true));

    AutoScalingGroup deleting = group("doomed");
    assertThat(deleting.status()).isEqualTo("Delete in progress");
    assertThat(deleting.instances())
        .extracting(Instance::lifecycleStateAsString)
        .containsOnly("Terminating");
    aws.time().advance(Duration.ofMinutes(5));
    assertThat(
            autoScaling
                .describeAutoScalingGroups(r -> r.autoScalingGroupNames("doomed"))
                .autoScalingGroups())
        .isEmpty();
    assertAwsError(
        () -> autoScaling.deleteAutoScalingGroup(r -> r.autoScalingGroupName("doomed")),
        AutoScalingException.class,
        400,
        "ValidationError");
  }

  @Test
  void updateAutoScalingGroup_scaleIn_extraInstancesTerminateThenGo() {
    createGroup("elastic", 3);
    aws.time().advance(Duration.ofMinutes(5));

    autoScaling.updateAutoScalingGroup(
        r -> r.autoScalingGroupName("elastic").minSize(0).desiredCapacity(1));

    assertThat(instances("elastic"))
        .extracting(Instance::lifecycleStateAsString)
        .containsExactly("InService", "Terminating", "Terminating");
    aws.time().advance(Duration.ofMinutes(5));
    assertThat(instances("elastic")).hasSize(1);
  }

  @Test
  void accessEntry_onePerPrincipalAndNotOnConfigMapClusters() {
    eks.createCluster(
        clusterRequest("orders").toBuilder()
            .accessConfig(a -> a.authenticationMode(AuthenticationMode.API_AND_CONFIG_MAP))
            .build());
    aws.time().advance(Duration.ofMinutes(40));

    eks.createAccessEntry(r -> r.clusterName("orders").principalArn(nodeRole).type("EC2_LINUX"));

    assertAwsError(
        () ->
            eks.createAccessEntry(
                r -> r.clusterName("orders").principalArn(nodeRole).type("EC2_WINDOWS")),
        software.amazon.awssdk.services.eks.model.ResourceInUseException.class,
        409,
        "ResourceInUseException");
    assertThat(eks.listAccessEntries(r -> r.clusterName("orders")).accessEntries())
        .containsExactly(nodeRole);
    eks.deleteAccessEntry(r -> r.clusterName("orders").principalArn(nodeRole));
    assertAwsError(
        () -> eks.describeAccessEntry(r -> r.clusterName("orders").principalArn(nodeRole)),
        ResourceNotFoundException.class,
        404,
        "ResourceNotFoundException");

    eks.createCluster(
        clusterRequest("legacy").toBuilder()
            .accessConfig(a -> a.authenticationMode(AuthenticationMode.CONFIG_MAP))
            .build());
    aws.time().advance(Duration.ofMinutes(40));
    assertAwsError(
        () ->
            eks.createAccessEntry(
                r -> r.clusterName("legacy").principalArn(nodeRole).type("EC2_LINUX")),
        InvalidRequestException.class,
        400,
        "InvalidRequestException");
  }

  private String template(String name, String token) {
    return aws.ec2()
        .createLaunchTemplate(
            r ->
                r.launchTemplateName(name)
                    .clientToken(token)
                    .launchTemplateData(
                        d -> d.imageId("ami-0123456789abcdef0").instanceType("m5.large")))
        .launchTemplate()
        .launchTemplateId();
  }

  private void createGroup(String name, int desired) {
    createGroup(name, desired, null);
  }

  private void createGroup(String name, int desired, String profile) {
    String templateId =
        aws.ec2()
            .createLaunchTemplate(
                r ->
                    r.launchTemplateName(name + "-lt")
                        .launchTemplateData(
                            d -> {
                              d.imageId("ami-0123456789abcdef0").instanceType("m5.large");
                              if (profile != null) {
                                d.iamInstanceProfile(p -> p.name(profile));
                              }
                            }))
            .launchTemplate()
            .launchTemplateId();
    autoScaling.createAutoScalingGroup(
        r ->
            r.autoScalingGroupName(name)
                .launchTemplate(t -> t.launchTemplateId(templateId).version("$Default"))
                .minSize(0)
                .desiredCapacity(desired)
                .maxSize(5)
                .vpcZoneIdentifier(String.join(",", subnets)));
  }

  private AutoScalingGroup group(String name) {
    return autoScaling
        .describeAutoScalingGroups(r -> r.autoScalingGroupNames(name))
        .autoScalingGroups()
        .get(0);
  }

  private List<Instance> instances(String name) {
    return group(name).instances();
  }
}
