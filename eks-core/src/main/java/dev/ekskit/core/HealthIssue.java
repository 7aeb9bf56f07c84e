package dev.ekskit.core;

import java.util.List;

/**
 * A health issue or update error that AWS reported for a resource.
 *
 * @param code AWS's code, e.g. {@code "NodeCreationFailure"} or {@code "Ec2SubnetNotFound"}
 * @param message AWS's message
 * @param resourceIds the AWS resources the issue is about (instance ids, subnet ids, ...)
 */
public record HealthIssue(String code, String message, List<String> resourceIds) {
  public HealthIssue {
    resourceIds = List.copyOf(resourceIds);
  }

  @Override
  public String toString() {
    return code + ": " + message + (resourceIds.isEmpty() ? "" : " " + resourceIds);
  }
}
