package dev.ekskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eks.model.LogType;

class ClusterConfigUpdateTest {
  @Test
  void build_nothingToChange_refused() {
    assertThatThrownBy(() -> ClusterConfigUpdate.builder().build())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::rule)
                    .containsExactly("not-empty"));
  }

  @Test
  void build_bothEndpointsOffAndBadCidr_reportsBoth() {
    assertThatThrownBy(
            () ->
                ClusterConfigUpdate.builder()
                    .endpointPublicAccess(false)
                    .endpointPrivateAccess(false)
                    .publicAccessCidrs(List.of("10.0.0.1/8"))
                    .build())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactly("endpointPublicAccess", "publicAccessCidrs[0]"));
  }

  @Test
  void build_loggingOnly_doesNotChangeEndpointAccess() {
    ClusterConfigUpdate update =
        ClusterConfigUpdate.builder().enabledLogTypes(Set.of(LogType.AUDIT)).build();
    assertThat(update.changesEndpointAccess()).isFalse();
  }
}
