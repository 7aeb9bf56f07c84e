package dev.ekskit.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationModelTest {
  private final DurationModel model =
      DurationModel.logNormal(Duration.ofMinutes(4), Duration.ofMinutes(6))
          .between(Duration.ofMinutes(2), Duration.ofMinutes(12));

  @Test
  void cdf_atMedianAndP95_theLogNormalsShareWithinMinAndMax() {
    double below = DurationModel.normalCdf(Math.log(120 / 240.0) / model.sigma());
    double within = DurationModel.normalCdf(Math.log(720 / 240.0) / model.sigma()) - below;

    assertThat(model.cdf(240)).isCloseTo((0.5 - below) / within, within(1e-6));
    assertThat(model.cdf(360)).isCloseTo((0.95 - below) / within, within(1e-6));
  }

  @Test
  void cdf_justPastMin_noDurationIsLikelierThanItsNeighbours() {
    // The log-normal's share below min is spread over the rest, not heaped on min itself.
    assertThat(model.cdf(120)).isLessThan(1e-6);
    assertThat(model.cdf(121) - model.cdf(120)).isLessThan(1e-3);
  }

  @Test
  void cdf_outsideBounds_zeroBelowMinOneFromMax() {
    assertThat(model.cdf(119)).isZero();
    assertThat(model.cdf(720)).isEqualTo(1.0);
  }

  @Test
  void cdf_withTail_spreadsTailEvenlyFromP95ToMax() {
    DurationModel tailed = model.withTail(0.1);

    double body = model.cdf(540);
    assertThat(tailed.cdf(540)).isCloseTo(0.9 * body + 0.1 * 0.5, within(1e-6));
  }

  @Test
  void scaled_slower_sameShapeLater() {
    assertThat(model.scaled(1.3).cdf(240 * 1.3)).isCloseTo(model.cdf(240), within(1e-6));
  }

  @Test
  void constructor_outOfOrder_reportsEachField() {
    assertThatThrownBy(
            () ->
                new DurationModel(
                    Duration.ofMinutes(4),
                    Duration.ofMinutes(3),
                    Duration.ofMinutes(-1),
                    Duration.ofMinutes(2),
                    1.5))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(Violation::field)
                    .containsExactlyInAnyOrder("min", "p95", "max", "tailChance"));
  }
}
