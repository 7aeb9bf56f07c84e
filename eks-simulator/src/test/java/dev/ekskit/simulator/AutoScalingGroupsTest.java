package dev.ekskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.autoscaling.AutoScalingClient;
import software.amazon.awssdk.services.autoscaling.model.AlreadyExistsException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingException;
import software.amazon.awssdk.services.autoscaling.model.AutoScalingGroup;
import software.amazon.awssdk.services.autoscaling.model.DescribeAutoScalingGroupsResponse;
import software.amazon.awssdk.services.autoscaling.model.Filter;
import software.amazon.awssdk.services.autoscaling.model.InvalidNextTokenException;

/** Finding a cluster's Auto Scaling groups by tag, paging, and the answer for a taken name. */
class AutoScalingGroupsTest extends SimulatedAwsFixture {
  private final AutoScalingClient autoScaling = aws.autoScaling();
  private final String templateId =
      aws.ec2()
          .createLaunchTemplate(
              r ->
                  r.launchTemplateName("nodes")
                      .launchTemplateData(
                          d -> d.imageId("ami-0123456789abcdef0").instanceType("m5.large")))
          .launchTemplate()
          .launchTemplateId();

  @Test
  void describeAutoScalingGroups_tagFilters_matchKeyValueAndKeyValuePairs() {
    create("orders-a", "orders");
    create("orders-b", "orders");
    create("billing-a", "billing");
    create("untagged", null);

    assertThat(names(filter("tag:ekskit/cluster", "orders")))
        .containsExactly("orders-a", "orders-b");
    assertThat(names(filter("tag-key", "ekskit/cluster")))
        .containsExactly("orders-a", "orders-b", "billing-a");
    assertThat(names(filter("tag-value", "billing"))).containsExactly("billing-a");
    assertThat(names(filter("tag-key", "ekskit/cluster"), filter("tag-value", "billing")))
        .containsExactly("billing-a");
  }

  @Test
  void describeAutoScalingGroups_namesAndFilter_bothApply() {
    create("orders-a", "orders");
    create("billing-a", "billing");

    assertThat(
            autoScaling
                .describeAutoScalingGroups(
                    r ->
                        r.autoScalingGroupNames("orders-a", "billing-a")
                            .filters(filter("tag:ekskit/cluster", "orders")))
                .autoScalingGroups())
        .extracting(AutoScalingGroup::autoScalingGroupName)
        .containsExactly("orders-a");
  }

  @Test
  void describeAutoScalingGroups_maxRecords_pagesWithNextToken() {
    for (String name : List.of("g1", "g2", "g3")) {
      create(name, "orders");
    }

    DescribeAutoScalingGroupsResponse first =
        autoScaling.describeAutoScalingGroups(r -> r.maxRecords(2));

    assertThat(first.autoScalingGroups()).hasSize(2);
    assertThat(first.nextToken()).isNotNull();
    assertThat(
            autoScaling
                .describeAutoScalingGroupsPaginator(r -> r.maxRecords(2))
                .autoScalingGroups()
                .stream()
                .map(AutoScalingGroup::autoScalingGroupName))
        .containsExactly("g1", "g2", "g3");
    assertAwsError(
        () -> autoScaling.describeAutoScalingGroups(r -> r.nextToken("forged")),
        InvalidNextTokenException.class,
        400,
        "InvalidNextToken");
    assertAwsError(
        () -> autoScaling.describeAutoScalingGroups(r -> r.maxRecords(101)),
        AutoScalingException.class,
        400,
        "ValidationError");
  }

  /** AWS answers AlreadyExists; moto silently replaces the group. This follows AWS. */
  @Test
  void createAutoScalingGroup_existingName_alreadyExists400AndGroupUnchanged() {
    create("workers", "orders");

    assertAwsError(
        () -> create("workers", "billing"), AlreadyExistsException.class, 400, "AlreadyExists");
    assertThat(names(filter("tag:ekskit/cluster", "orders"))).containsExactly("workers");
  }

  @Test
  void updateAutoScalingGroup_newSubnets_describedAndUsedForLaunches() {
    create("workers", "orders");
    String first = subnets.get(0);

    autoScaling.updateAutoScalingGroup(
        r -> r.autoScalingGroupName("workers").vpcZoneIdentifier(first).desiredCapacity(2));
    aws.time().advance(Duration.ofMinutes(10));

    AutoScalingGroup group =
        autoScaling
            .describeAutoScalingGroups(r -> r.autoScalingGroupNames("workers"))
            .autoScalingGroups()
            .get(0);
    assertThat(group.vpcZoneIdentifier()).isEqualTo(first);
    String zone =
        aws.ec2().describeSubnets(r -> r.subnetIds(first)).subnets().get(0).availabilityZone();
    assertThat(group.instances()).hasSize(2).allMatch(i -> i.availabilityZone().equals(zone));
    assertAwsError(
        () ->
            autoScaling.updateAutoScalingGroup(
                r ->
                    r.autoScalingGroupName("workers").vpcZoneIdentifier("subnet-0000000000000000")),
        AutoScalingException.class,
        400,
        "ValidationError");
  }

  private void create(String name, String cluster) {
    autoScaling.createAutoScalingGroup(
        r -> {
          r.autoScalingGroupName(name)
              .launchTemplate(t -> t.launchTemplateId(templateId).version("$Default"))
              .minSize(0)
              .desiredCapacity(0)
              .maxSize(2)
              .vpcZoneIdentifier(String.join(",", subnets));
          if (cluster != null) {
            r.tags(
                t ->
                    t.key("ekskit/cluster")
                        .value(cluster)
                        .propagateAtLaunch(true)
                        .resourceId(name)
                        .resourceType("auto-scaling-group"));
          }
        });
  }

  private static Filter filter(String name, String value) {
    return Filter.builder().name(name).values(value).build();
  }

  private List<String> names(Filter... filters) {
    return autoScaling
        .describeAutoScalingGroups(r -> r.filters(filters))
        .autoScalingGroups()
        .stream()
        .map(AutoScalingGroup::autoScalingGroupName)
        .toList();
  }
}
