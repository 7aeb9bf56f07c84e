package dev.ekskit.nodes.internal;

import dev.ekskit.core.HealthIssue;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import software.amazon.awssdk.services.autoscaling.model.Activity;

/**
 * Reads an Auto Scaling group's activity history: how many of the newest launches failed in a row,
 * and why, as health issues with codes that {@link NodegroupHints} explains.
 */
final class LaunchActivities {
  /** The message EC2 gives while a new instance profile has not reached it yet. */
  private static final String PROFILE_NOT_YET_VISIBLE = "iam instance profile";

  private LaunchActivities() {}

  /** The newest activities that failed, up to the first that did not; newest first. */
  static List<Activity> failedInARow(List<Activity> newestFirst) {
    List<Activity> failed = new ArrayList<>();
    for (Activity activity : newestFirst) {
      if (!"Failed".equals(activity.statusCodeAsString())) {
        break;
      }
      failed.add(activity);
    }
    return failed;
  }

  /**
   * True when every failure may be IAM's eventual consistency: a fresh instance profile takes some
   * seconds to reach EC2, and Auto Scaling retries by itself.
   */
  static boolean mayBePropagation(List<Activity> failures) {
    return failures.stream()
        .allMatch(a -> message(a).toLowerCase(Locale.ROOT).contains(PROFILE_NOT_YET_VISIBLE));
  }

  static List<HealthIssue> issues(String groupName, List<Activity> failures) {
    return failures.stream()
        .map(a -> new HealthIssue(code(message(a)), message(a), List.of(groupName)))
        .distinct()
        .toList();
  }

  /** A code for the failure, from EC2's wording. */
  static String code(String message) {
    String m = message.toLowerCase(Locale.ROOT);
    if (m.contains(PROFILE_NOT_YET_VISIBLE) || m.contains("iaminstanceprofile")) {
      return "IamInstanceProfileNotFound";
    }
    if (m.contains("sufficient") && m.contains("capacity")) {
      return "InsufficientInstanceCapacity";
    }
    if (m.contains("vcpu") && m.contains("limit")) {
      return "InstanceLimitExceeded";
    }
    if (m.contains("imageid") || m.contains("ami")) {
      return "InvalidAmi";
    }
    if (m.contains("not supported")) {
      return "UnsupportedInstanceType";
    }
    if (m.contains("client.internalerror") || m.contains("kms")) {
      return "VolumeKeyError";
    }
    return "AsgInstanceLaunchFailures";
  }

  private static String message(Activity activity) {
    return activity.statusMessage() != null ? activity.statusMessage() : activity.description();
  }
}
