package dev.ekskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.eks.model.AuthenticationMode;
import software.amazon.awssdk.services.eks.model.IpFamily;
import software.amazon.awssdk.services.eks.model.LogType;

class ClusterSpecTest {
  static ClusterSpec.Builder valid() {
    return ClusterSpec.builder()
        .name("orders")
        .kubernetesVersion("1.33")
        .roleArn("arn:aws:iam::123456789012:role/eks-cluster")
        .addSubnetIds("subnet-0a1b2c3d4e5f60718", "subnet-0f1e2d3c4b5a69788");
  }

  @Test
  void build_validSpec_appliesSecureAndEksDefaults() {
    ClusterSpec spec = valid().build();

    assertThat(spec.endpointPublicAccess()).isTrue();
    assertThat(spec.endpointPrivateAccess()).isFalse();
    assertThat(spec.authenticationMode()).isEqualTo(AuthenticationMode.API_AND_CONFIG_MAP);
    assertThat(spec.ipFamily()).isEqualTo(IpFamily.IPV4);
    assertThat(spec.toBuilder().name("other").build().subnetIds()).isEqualTo(spec.subnetIds());
  }

  @Test
  void build_requiredFieldMissing_isOneViolationAmongTheOthers() {
    assertThatThrownBy(() -> ClusterSpec.builder().kubernetesVersion("v1.33").build())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field, Violation::rule)
                    .containsExactlyInAnyOrder(
                        tuple("name", "required"), tuple("kubernetesVersion", "pattern")));
    assertThatThrownBy(
            () ->
                ServiceAccountRoleSpec.builder()
                    .clusterName("orders")
                    .namespace("kube-system")
                    .serviceAccount("ebs")
                    .build())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("role", "required")));
  }

  static Stream<Arguments> brokenRules() {
    return Stream.of(
        rule(b -> b.name(""), "name", "required"),
        rule(b -> b.name("-orders"), "name", "pattern"),
        rule(b -> b.name("orders.prod"), "name", "pattern"),
        rule(b -> b.name("a".repeat(101)), "name", "max-length"),
        rule(b -> b.kubernetesVersion("v1.33"), "kubernetesVersion", "pattern"),
        rule(b -> b.kubernetesVersion("1.33.2"), "kubernetesVersion", "pattern"),
        rule(b -> b.roleArn("eks-cluster"), "roleArn", "pattern"),
        rule(b -> b.subnetIds(List.of("subnet-0a1b2c3d4e5f60718")), "subnetIds", "min-size"),
        rule(
            b -> b.subnetIds(List.of("subnet-0a1b2c3d", "subnet-0a1b2c3d")),
            "subnetIds[1]",
            "unique"),
        rule(b -> b.addSubnetIds("sub-1"), "subnetIds[2]", "pattern"),
        rule(
            b ->
                b.addSecurityGroupIds(
                    "sg-0a1b2c3d",
                    "sg-0a1b2c3e",
                    "sg-0a1b2c3f",
                    "sg-0a1b2c40",
                    "sg-0a1b2c41",
                    "sg-0a1b2c42"),
            "securityGroupIds",
            "max-size"),
        rule(b -> b.addSecurityGroupIds("group-1"), "securityGroupIds[0]", "pattern"),
        rule(b -> b.endpointPublicAccess(false), "endpointPublicAccess", "endpoint-access"),
        rule(
            b ->
                b.endpointPublicAccess(false)
                    .endpointPrivateAccess(true)
                    .addPublicAccessCidrs("1.2.3.0/24"),
            "publicAccessCidrs",
            "requires-public-access"),
        rule(b -> b.addPublicAccessCidrs("1.2.3.4"), "publicAccessCidrs[0]", "cidr"),
        rule(b -> b.addPublicAccessCidrs("1.2.3.4/24"), "publicAccessCidrs[0]", "cidr"),
        rule(b -> b.addPublicAccessCidrs("256.2.3.0/24"), "publicAccessCidrs[0]", "cidr"),
        rule(b -> b.addLogTypes(LogType.UNKNOWN_TO_SDK_VERSION), "logTypes", "known"),
        rule(b -> b.secretsKmsKeyArn("my-key"), "secretsKmsKeyArn", "pattern"),
        rule(b -> b.serviceIpv4Cidr("10.100.0.0"), "serviceIpv4Cidr", "cidr"),
        rule(b -> b.serviceIpv4Cidr("10.0.0.0/8"), "serviceIpv4Cidr", "prefix-range"),
        rule(b -> b.serviceIpv4Cidr("10.100.0.0/25"), "serviceIpv4Cidr", "prefix-range"),
        rule(b -> b.serviceIpv4Cidr("100.64.0.0/16"), "serviceIpv4Cidr", "private-range"),
        rule(
            b -> b.ipFamily(IpFamily.IPV6).serviceIpv4Cidr("10.100.0.0/16"),
            "serviceIpv4Cidr",
            "ip-family"),
        rule(
            b ->
                b.authenticationMode(AuthenticationMode.CONFIG_MAP)
                    .bootstrapClusterCreatorAdminPermissions(false),
            "bootstrapClusterCreatorAdminPermissions",
            "config-map-needs-bootstrap"),
        rule(b -> b.putTags("aws:owner", "x"), "tags[aws:owner]", "reserved"),
        rule(
            b -> b.putTags("ekskit.dev/managed-by", "me"),
            "tags[ekskit.dev/managed-by]",
            "reserved"),
        rule(b -> b.putTags("k".repeat(129), "x"), "tags[" + "k".repeat(129) + "]", "key-length"),
        rule(b -> b.putTags("team", "v".repeat(257)), "tags[team]", "value-length"));
  }

  private static Arguments rule(
      UnaryOperator<ClusterSpec.Builder> breaking, String field, String rule) {
    return Arguments.of(breaking, field, rule);
  }

  @ParameterizedTest(name = "{1} {2}")
  @MethodSource("brokenRules")
  void build_brokenRule_namesFieldAndRule(
      UnaryOperator<ClusterSpec.Builder> breaking, String field, String rule) {
    assertThatThrownBy(() -> breaking.apply(valid()).build())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e -> {
              assertThat(e.specType()).isEqualTo("ClusterSpec");
              assertThat(e.violations())
                  .extracting(Violation::field, Violation::rule)
                  .contains(org.assertj.core.groups.Tuple.tuple(field, rule));
              assertThat(e.getMessage()).contains(field);
            });
  }

  @Test
  void build_severalBrokenRules_reportsEveryViolationAtOnce() {
    assertThatThrownBy(
            () ->
                ClusterSpec.builder()
                    .name("_bad")
                    .roleArn("nope")
                    .addSubnetIds("subnet-0a1b2c3d")
                    .kubernetesVersion("latest")
                    .build())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactlyInAnyOrder("name", "kubernetesVersion", "roleArn", "subnetIds"))
        .hasMessageContaining("4 violations");
  }

  @Test
  void build_tooManyTags_refused() {
    ClusterSpec.Builder builder = valid();
    for (int i = 0; i < 51; i++) {
      builder.putTags("k" + i, "v");
    }
    assertThatThrownBy(builder::build)
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e -> assertThat(e.violations()).extracting(Violation::rule).contains("max-size"));
  }
}
