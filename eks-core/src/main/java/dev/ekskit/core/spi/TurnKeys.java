package dev.ekskit.core.spi;

/**
 * Keys of {@link Scope#serialized} for changes EKS allows only one at a time, shared by every
 * module of a kit so that their changes queue behind each other.
 *
 * <pre>{@code
 * scope.serialized(TurnKeys.fargateProfiles("orders"), () -> createProfile(scope));
 * }</pre>
 */
public final class TurnKeys {
  private TurnKeys() {}

  /** EKS lets one Fargate profile of a cluster be CREATING or DELETING at a time. */
  public static String fargateProfiles(String cluster) {
    return "fargate-profiles/" + cluster;
  }
}
