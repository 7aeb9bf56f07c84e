package dev.ekskit.fargate.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.fargate.FargateSelector;
import dev.ekskit.simulator.internal.Errors;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SmallRulesTest {
  @Test
  void busyWith_otherProfileInTransition_namesItAndItsStatus() {
    var busy =
        Errors.inUse(
            "Cannot create Fargate Profile web because cluster orders currently has Fargate"
                + " profile batch in status DELETING");

    assertThat(TurnTaking.busyWith(busy)).isEqualTo("batch DELETING");
  }

  @Test
  void busyWith_alreadyExists_isNotBusy() {
    assertThat(TurnTaking.busyWith(Errors.inUse("A Fargate Profile already exists with this name")))
        .isNull();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "                               | {\"computeType\":\"Fargate\"}",
        "{}                             | {\"computeType\":\"Fargate\"}",
        "{\"replicaCount\":3}           | {\"computeType\":\"Fargate\",\"replicaCount\":3}",
        "{\"computeType\":\"ec2\"}      | {\"computeType\":\"Fargate\"}",
      })
  void merged_currentValues_computeTypeSetAndOthersKept(String current, String expected) {
    assertThat(CoreDnsOnFargate.merged(current, "computeType")).isEqualTo(expected);
  }

  @ParameterizedTest
  @CsvSource({"kube-system,true", "kube-*,true", "kube-syste?,true", "*,true", "default,false"})
  void selectsCoreDns_namespacePattern_matchesKubeSystem(String namespace, boolean selects) {
    assertThat(FargateOnlyRules.selectsCoreDns(FargateSelector.of(namespace))).isEqualTo(selects);
  }

  @Test
  void selectsCoreDns_otherLabels_doesNotSelectCoreDnsPods() {
    assertThat(FargateOnlyRules.selectsCoreDns(FargateSelector.of("kube-system", Map.of("a", "b"))))
        .isFalse();
    assertThat(
            FargateOnlyRules.selectsCoreDns(
                FargateSelector.of("kube-system", Map.of("k8s-app", "kube-dns"))))
        .isTrue();
  }
}
