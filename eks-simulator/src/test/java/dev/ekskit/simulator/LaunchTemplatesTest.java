package dev.ekskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Ec2Exception;
import software.amazon.awssdk.services.ec2.model.Filter;
import software.amazon.awssdk.services.ec2.model.LaunchTemplate;

/** Finding a cluster's launch templates by tag, and EC2's answers for missing or taken names. */
class LaunchTemplatesTest extends SimulatedAwsFixture {
  private final Ec2Client ec2 = aws.ec2();

  @Test
  void describeLaunchTemplates_tagFilter_onlyThatClustersTemplates() {
    create("orders-a", "orders");
    create("orders-b", "orders");
    create("billing-a", "billing");
    create("untagged", null);

    assertThat(names(Filter.builder().name("tag:ekskit/cluster").values("orders").build()))
        .containsExactly("orders-a", "orders-b");
    assertThat(names(Filter.builder().name("tag-key").values("ekskit/cluster").build()))
        .containsExactly("orders-a", "orders-b", "billing-a");
  }

  @Test
  void describeLaunchTemplates_filtersTogether_allMustMatch() {
    create("orders-a", "orders");
    create("orders-b", "orders");

    assertThat(
            names(
                Filter.builder().name("tag:ekskit/cluster").values("orders").build(),
                Filter.builder().name("launch-template-name").values("orders-b").build()))
        .containsExactly("orders-b");
    assertThat(
            ec2.describeLaunchTemplates(
                    r ->
                        r.launchTemplateNames("orders-a")
                            .filters(f -> f.name("tag:ekskit/cluster").values("billing")))
                .launchTemplates())
        .isEmpty();
  }

  @Test
  void deleteLaunchTemplate_missingName_notFound400() {
    assertAwsError(
        () -> ec2.deleteLaunchTemplate(r -> r.launchTemplateName("gone")),
        Ec2Exception.class,
        400,
        "InvalidLaunchTemplateName.NotFoundException");
  }

  @Test
  void deleteLaunchTemplate_deletedId_notFound400() {
    String id = create("once", "orders");
    ec2.deleteLaunchTemplate(r -> r.launchTemplateId(id));

    assertAwsError(
        () -> ec2.deleteLaunchTemplate(r -> r.launchTemplateId(id)),
        Ec2Exception.class,
        400,
        "InvalidLaunchTemplateId.NotFound");
  }

  @Test
  void createLaunchTemplate_existingNameNoToken_alreadyExists400() {
    create("taken", "orders");

    assertAwsError(
        () -> create("taken", "orders"),
        Ec2Exception.class,
        400,
        "InvalidLaunchTemplateName.AlreadyExistsException");
  }

  private String create(String name, String cluster) {
    return ec2.createLaunchTemplate(
            r -> {
              r.launchTemplateName(name)
                  .launchTemplateData(
                      d -> d.imageId("ami-0123456789abcdef0").instanceType("m5.large"));
              if (cluster != null) {
                r.tagSpecifications(
                    t ->
                        t.resourceType("launch-template")
                            .tags(tag -> tag.key("ekskit/cluster").value(cluster)));
              }
            })
        .launchTemplate()
        .launchTemplateId();
  }

  private List<String> names(Filter... filters) {
    return ec2.describeLaunchTemplates(r -> r.filters(filters)).launchTemplates().stream()
        .map(LaunchTemplate::launchTemplateName)
        .toList();
  }
}
