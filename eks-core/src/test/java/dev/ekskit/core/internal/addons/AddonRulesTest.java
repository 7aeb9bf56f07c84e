package dev.ekskit.core.internal.addons;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.AddonSpec;
import dev.ekskit.core.AddonVersion;
import dev.ekskit.core.HealthIssue;
import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.ResourceFailedException;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.Violation;
import dev.ekskit.core.spi.Readiness;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.model.Addon;
import software.amazon.awssdk.services.eks.model.AddonInfo;
import software.amazon.awssdk.services.eks.model.AddonIssue;
import software.amazon.awssdk.services.eks.model.AddonVersionInfo;
import software.amazon.awssdk.services.eks.model.Compatibility;
import software.amazon.awssdk.services.eks.model.ResolveConflicts;

/** The pure parts of add-ons: version order and choice, schema checks, mapping, readiness. */
class AddonRulesTest {
  private static final String SECRET = "hunter2-secret";

  @Test
  void order_byNumbersNotText() {
    List<String> versions =
        new java.util.ArrayList<>(
            List.of(
                "v1.9.3-eksbuild.2",
                "v1.11.4-eksbuild.10",
                "v1.11.4-eksbuild.2",
                "v1.10.1-eksbuild.18"));

    versions.sort(AddonVersions.ORDER);

    assertThat(versions)
        .containsExactly(
            "v1.9.3-eksbuild.2",
            "v1.10.1-eksbuild.18",
            "v1.11.4-eksbuild.2",
            "v1.11.4-eksbuild.10");
  }

  @Test
  void resolve_defaultLatestPinned_fromTheCompatibilitiesOfOneKubernetesVersion() {
    AddonVersions.Offer offer =
        AddonVersions.offer(
            List.of(
                AddonInfo.builder()
                    .addonName("coredns")
                    .addonVersions(
                        version("v1.11.4-eksbuild.2", "1.33", true),
                        version("v1.12.1-eksbuild.2", "1.33", false),
                        version("v1.10.1-eksbuild.18", "1.29", true))
                    .build()),
            "coredns",
            "1.33");

    assertThat(AddonVersions.resolve(offer, AddonVersion.defaultVersion()))
        .isEqualTo("v1.11.4-eksbuild.2");
    assertThat(AddonVersions.resolve(offer, AddonVersion.latest())).isEqualTo("v1.12.1-eksbuild.2");
    assertThat(AddonVersions.resolve(offer, AddonVersion.of("v1.12.1-eksbuild.2")))
        .isEqualTo("v1.12.1-eksbuild.2");
    assertThatThrownBy(() -> AddonVersions.resolve(offer, AddonVersion.of("v1.10.1-eksbuild.18")))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("offered, newest first: v1.12.1-eksbuild.2, v1.11.4-eksbuild.2");
  }

  @Test
  void parse_defaultLatestOrPinned_readsBackWhatToStringWrites() {
    for (String text : List.of("default", "latest", "v1.2.3-eksbuild.4")) {
      assertThat(AddonVersion.parse(text).toString()).isEqualTo(text);
    }
    assertThat(AddonVersion.parse("latest").choice()).isEqualTo(AddonVersion.Choice.LATEST);
  }

  @Test
  void schema_draft06WithRefs_violationsByPathNeverQuotingValues() {
    String schema =
        "{\"$ref\":\"#/definitions/A\",\"$schema\":\"http://json-schema.org/draft-06/schema#\","
            + "\"definitions\":{\"A\":{\"additionalProperties\":false,\"properties\":{"
            + "\"mode\":{\"enum\":[\"iptables\",\"ipvs\"],\"type\":\"string\"},"
            + "\"tolerations\":{\"items\":{\"type\":\"object\"},\"type\":\"array\"}},\"type\":\"object\"}}}";

    List<Violation> violations =
        ConfigurationSchema.violations(
            schema, "{\"mode\":\"" + SECRET + "\",\"tolerations\":[\"" + SECRET + "\"]}");

    assertThat(violations)
        .extracting(Violation::field)
        .containsExactlyInAnyOrder(
            "configurationValues.mode", "configurationValues.tolerations[0]");
    assertThat(violations.toString())
        .contains("[\"iptables\",\"ipvs\"]", "$.tolerations[0]")
        .doesNotContain(SECRET);
  }

  @Test
  void json_sameValueWhateverTheSpellingAndEmptyMeansNone() {
    assertThat(Json.sameValue("{\"a\":1,\"b\":[1,2]}", "{ \"b\": [1, 2], \"a\": 1 }")).isTrue();
    assertThat(Json.sameValue("{\"a\":1}", "{\"a\":2}")).isFalse();
    assertThat(Json.sameValue(null, "{}")).isTrue();
    assertThat(Json.objectProblem("[1]")).get().asString().contains("JSON object");
  }

  @Test
  void build_everyRuleBrokenAtOnce() {
    assertThatThrownBy(
            () ->
                AddonSpec.builder()
                    .clusterName("-orders")
                    .name("CoreDNS")
                    .version(AddonVersion.of("not a version"))
                    .serviceAccountRoleArn("role/ebs")
                    .addPodIdentityAssociations(
                        new dev.ekskit.core.AddonPodIdentity(
                            "Bad_SA", "arn:aws:iam::123456789012:role/x"))
                    .resolveConflictsOnCreate(ResolveConflicts.UNKNOWN_TO_SDK_VERSION)
                    .build())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactlyInAnyOrder(
                        "cluster",
                        "name",
                        "version",
                        "serviceAccountRoleArn",
                        "podIdentityAssociations[0].serviceAccount",
                        "resolveConflictsOnCreate"));
  }

  @Test
  void updateRequest_onlyWhatDiffers_andDefaultsOfCreateAndUpdate() {
    AddonSpec spec =
        AddonSpec.builder()
            .clusterName("orders")
            .name("coredns")
            .configurationValues("{\"replicaCount\":3}")
            .build();
    Addon existing =
        Addon.builder()
            .addonName("coredns")
            .addonVersion("v1.11.4-eksbuild.2")
            .configurationValues("{ \"replicaCount\": 3 }")
            .build();

    assertThat(AddonMapping.updateRequest(spec, "v1.11.4-eksbuild.2", existing, "t")).isEmpty();
    var update =
        AddonMapping.updateRequest(spec, "v1.12.1-eksbuild.2", existing, "t").orElseThrow();
    assertThat(update.addonVersion()).isEqualTo("v1.12.1-eksbuild.2");
    assertThat(update.configurationValues()).isNull();
    assertThat(update.resolveConflicts()).isEqualTo(ResolveConflicts.PRESERVE);
    assertThat(AddonMapping.createRequest(spec, "v1", "t").resolveConflicts())
        .isEqualTo(ResolveConflicts.OVERWRITE);
  }

  @Test
  void readiness_degraded_noCapacityIsDoneCapacityGetsGraceThenFails() {
    AtomicReference<Instant> now = new AtomicReference<>(Instant.EPOCH);
    ResourceRef ref = ResourceRef.child("addon", "orders", "coredns");
    Addon degraded =
        Addon.builder()
            .status("DEGRADED")
            .health(
                h ->
                    h.issues(
                        AddonIssue.builder()
                            .code("InsufficientNumberOfReplicas")
                            .message("not enough replicas")
                            .build()))
            .build();

    assertThat(new AddonReadiness(ref, now::get, () -> false).check(degraded))
        .isInstanceOf(Readiness.Ready.class);

    AddonReadiness withNodes = new AddonReadiness(ref, now::get, () -> true);
    assertThat(withNodes.check(degraded)).isInstanceOf(Readiness.Pending.class);
    now.set(Instant.EPOCH.plus(Duration.ofMinutes(5)));
    assertThat(withNodes.check(degraded))
        .isInstanceOfSatisfying(
            Readiness.Failed.class,
            failed -> {
              ResourceFailedException error = (ResourceFailedException) failed.error();
              assertThat(error.issues())
                  .extracting(HealthIssue::code)
                  .containsExactly("InsufficientNumberOfReplicas");
              assertThat(error.hint()).contains("room");
            });
    assertThat(
            new AddonReadiness(ref, now::get, () -> false)
                .check(degraded.toBuilder().status("UPDATE_FAILED").build()))
        .isInstanceOf(Readiness.Failed.class);
  }

  private static AddonVersionInfo version(String version, String kubernetes, boolean isDefault) {
    return AddonVersionInfo.builder()
        .addonVersion(version)
        .compatibilities(
            Compatibility.builder().clusterVersion(kubernetes).defaultVersion(isDefault).build())
        .build();
  }
}
