package dev.ekskit.fargate;

import dev.ekskit.core.EksDurations;
import dev.ekskit.core.PollingPolicy;
import dev.ekskit.core.WaitKind;
import java.time.Duration;

/**
 * The waits of Fargate profiles, with defaults from their real durations. Deletes use {@link
 * WaitKind#FARGATE_PROFILE_DELETE} (about 1.5–2 min, a tail past 20 min). Override any of them:
 *
 * <pre>{@code
 * EksKit kit = EksKit.builder()
 *     .polling(FargateWaitKinds.FARGATE_PROFILE_CREATE,
 *              PollingPolicy.of(Duration.ofSeconds(20), Duration.ofSeconds(10), Duration.ofMinutes(20)))
 *     .build();
 * }</pre>
 */
public final class FargateWaitKinds {
  /** Profile create: from 26 s to 5.5 min (see {@link EksDurations}). */
  public static final WaitKind FARGATE_PROFILE_CREATE =
      WaitKind.modelled(
          "fargate-profile-create",
          EksDurations.FARGATE_PROFILE_CREATE,
          265,
          Duration.ofMinutes(30));

  /**
   * The coredns add-on after it was told to run on Fargate: CREATING or UPDATING, then DEGRADED
   * until Fargate has started its pods (a minute or two per pod), then ACTIVE.
   */
  public static final WaitKind COREDNS_ON_FARGATE =
      new WaitKind(
          "coredns-on-fargate",
          PollingPolicy.builder()
              .firstCheck(Duration.ofSeconds(45))
              .interval(Duration.ofSeconds(15))
              .jitter(0.2)
              .maxInterval(Duration.ofMinutes(1))
              .deadline(Duration.ofMinutes(20))
              .typical(Duration.ofMinutes(2))
              .build());

  private FargateWaitKinds() {}
}
