package dev.ekskit.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.model.AuthenticationMode;
import software.amazon.awssdk.services.eks.model.EksException;
import software.amazon.awssdk.services.eks.model.InvalidParameterException;
import software.amazon.awssdk.services.eks.model.NotFoundException;
import software.amazon.awssdk.services.eks.model.ServiceUnavailableException;

/** TagResource, UntagResource and ListTagsForResource on every kind of EKS resource. */
class EksTaggingTest extends SimulatedAwsFixture {
  private static final String OPS = "arn:aws:iam::123456789012:role/ops";

  @BeforeEach
  void clusterWithOneOfEachChild() {
    aws.durations().all(Duration.ofMinutes(1));
    eks.createCluster(
        clusterRequest("orders").toBuilder()
            .accessConfig(a -> a.authenticationMode(AuthenticationMode.API))
            .tags(Map.of("team", "shop"))
            .build());
    aws.time().advance(Duration.ofMinutes(2));
    eks.createNodegroup(
        r ->
            r.clusterName("orders")
                .nodegroupName("general")
                .nodeRole("arn:aws:iam::123456789012:role/node")
                .subnets(subnets)
                .scalingConfig(s -> s.minSize(1).desiredSize(1).maxSize(2)));
    eks.createFargateProfile(
        r ->
            r.clusterName("orders")
                .fargateProfileName("batch")
                .podExecutionRoleArn("arn:aws:iam::123456789012:role/pods")
                .selectors(s -> s.namespace("batch")));
    eks.createAddon(r -> r.clusterName("orders").addonName("vpc-cni"));
    eks.createAccessEntry(r -> r.clusterName("orders").principalArn(OPS));
    eks.createPodIdentityAssociation(
        r -> r.clusterName("orders").namespace("shop").serviceAccount("web").roleArn(ROLE));
    aws.time().advance(Duration.ofMinutes(2));
  }

  @Test
  void tagResource_everyKind_listedAndShownByItsDescribe() {
    List<String> arns = arns();

    arns.forEach(arn -> eks.tagResource(r -> r.resourceArn(arn).tags(Map.of("blueprint", "b1"))));

    assertThat(arns)
        .allSatisfy(
            arn ->
                assertThat(eks.listTagsForResource(r -> r.resourceArn(arn)).tags())
                    .containsEntry("blueprint", "b1"));
    assertThat(describe("orders").tags())
        .containsEntry("team", "shop")
        .containsEntry("blueprint", "b1");
    assertThat(nodegroupTags()).containsEntry("blueprint", "b1");
    assertThat(
            eks.describeFargateProfile(r -> r.clusterName("orders").fargateProfileName("batch"))
                .fargateProfile()
                .tags())
        .containsEntry("blueprint", "b1");
    assertThat(eks.describeAddon(r -> r.clusterName("orders").addonName("vpc-cni")).addon().tags())
        .containsEntry("blueprint", "b1");
    assertThat(
            eks.describeAccessEntry(r -> r.clusterName("orders").principalArn(OPS))
                .accessEntry()
                .tags())
        .containsEntry("blueprint", "b1");
    assertThat(
            eks.describePodIdentityAssociation(
                    r -> r.clusterName("orders").associationId(associationId()))
                .association()
                .tags())
        .containsEntry("blueprint", "b1");
  }

  @Test
  void untagResource_someKeys_onlyThoseGo() {
    String arn = nodegroupArn();
    eks.tagResource(r -> r.resourceArn(arn).tags(Map.of("a", "1", "b", "2")));

    eks.untagResource(r -> r.resourceArn(arn).tagKeys("a", "missing"));

    assertThat(nodegroupTags()).isEqualTo(Map.of("b", "2"));
  }

  @Test
  void tagResource_unknownOrDeletedArn_notFound404() {
    String entry = accessEntryArn();
    eks.deleteAccessEntry(r -> r.clusterName("orders").principalArn(OPS));

    assertAwsError(
        () -> eks.listTagsForResource(r -> r.resourceArn(entry)),
        NotFoundException.class,
        404,
        "NotFoundException");
    assertAwsError(
        () ->
            eks.tagResource(
                r ->
                    r.resourceArn("arn:aws:eks:us-east-1:123456789012:cluster/nobody")
                        .tags(Map.of("a", "1"))),
        NotFoundException.class,
        404,
        "NotFoundException");
  }

  @Test
  void tagResource_reservedKey_invalidParameter() {
    assertAwsError(
        () -> eks.tagResource(r -> r.resourceArn(nodegroupArn()).tags(Map.of("aws:x", "1"))),
        InvalidParameterException.class,
        400,
        "InvalidParameterException");
  }

  /** The answer got lost; the tags are there, and tagging again changes nothing more. */
  @Test
  void tagResource_lostAnswerThenAgain_tagsOnce() {
    String arn = nodegroupArn();
    aws.faults().commitThenFail("TagResource", 500);
    assertAwsError(
        () -> eks.tagResource(r -> r.resourceArn(arn).tags(Map.of("blueprint", "b1"))),
        EksException.class,
        500,
        "InternalFailure");

    assertThat(nodegroupTags()).isEqualTo(Map.of("blueprint", "b1"));
    eks.tagResource(r -> r.resourceArn(arn).tags(Map.of("blueprint", "b1")));
    assertThat(nodegroupTags()).isEqualTo(Map.of("blueprint", "b1"));
  }

  @Test
  void untagResource_lostAnswerThenAgain_keyGoneOnce() {
    String arn = nodegroupArn();
    eks.tagResource(r -> r.resourceArn(arn).tags(Map.of("a", "1", "b", "2")));
    aws.faults().commitThenFail("UntagResource", 503);
    assertAwsError(
        () -> eks.untagResource(r -> r.resourceArn(arn).tagKeys("a")),
        ServiceUnavailableException.class,
        503,
        "ServiceUnavailableException");

    eks.untagResource(r -> r.resourceArn(arn).tagKeys("a"));

    assertThat(nodegroupTags()).isEqualTo(Map.of("b", "2"));
  }

  private List<String> arns() {
    return List.of(
        describe("orders").arn(),
        nodegroupArn(),
        eks.describeFargateProfile(r -> r.clusterName("orders").fargateProfileName("batch"))
            .fargateProfile()
            .fargateProfileArn(),
        eks.describeAddon(r -> r.clusterName("orders").addonName("vpc-cni")).addon().addonArn(),
        accessEntryArn(),
        eks.describePodIdentityAssociation(
                r -> r.clusterName("orders").associationId(associationId()))
            .association()
            .associationArn());
  }

  private String nodegroupArn() {
    return eks.describeNodegroup(r -> r.clusterName("orders").nodegroupName("general"))
        .nodegroup()
        .nodegroupArn();
  }

  private Map<String, String> nodegroupTags() {
    return eks.describeNodegroup(r -> r.clusterName("orders").nodegroupName("general"))
        .nodegroup()
        .tags();
  }

  private String accessEntryArn() {
    return eks.describeAccessEntry(r -> r.clusterName("orders").principalArn(OPS))
        .accessEntry()
        .accessEntryArn();
  }

  private String associationId() {
    return eks.listPodIdentityAssociations(r -> r.clusterName("orders"))
        .associations()
        .get(0)
        .associationId();
  }
}
