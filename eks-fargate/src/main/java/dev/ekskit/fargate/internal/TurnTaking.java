package dev.ekskit.fargate.internal;

import dev.ekskit.core.spi.AwsErrors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads EKS's 409s on Fargate profiles: "another profile of the cluster is CREATING or DELETING,
 * wait your turn" versus "a profile of this name already exists".
 */
public final class TurnTaking {
  private static final Pattern BUSY =
      Pattern.compile(
          "currently has Fargate profile (\\S+) in status (\\w+)", Pattern.CASE_INSENSITIVE);

  private TurnTaking() {}

  /** The other profile's name and status when {@code error} means "wait for it", else null. */
  public static String busyWith(Throwable error) {
    if (!AwsErrors.is(error, AwsErrors.Kind.IN_USE)) {
      return null;
    }
    Matcher m = BUSY.matcher(String.valueOf(AwsErrors.describe(error)));
    return m.find() ? m.group(1) + " " + m.group(2) : null;
  }
}
