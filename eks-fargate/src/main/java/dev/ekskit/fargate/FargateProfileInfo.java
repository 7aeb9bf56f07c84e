package dev.ekskit.fargate;

import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.eks.model.FargateProfileStatus;

/**
 * A Fargate profile as EKS describes it.
 *
 * <pre>{@code
 * FargateProfileInfo profile = fargate.create(spec).join();
 * System.out.println(profile.name() + " " + profile.status());   // system ACTIVE
 * }</pre>
 *
 * @param clusterName its cluster
 * @param name its name
 * @param arn its ARN
 * @param statusAsString {@code CREATING}, {@code ACTIVE}, {@code DELETING}, {@code CREATE_FAILED}
 *     or {@code DELETE_FAILED}
 * @param podExecutionRoleArn the role its pods run with
 * @param subnetIds its subnets
 * @param selectors which pods it runs
 * @param tags its tags, ekskit's included
 */
public record FargateProfileInfo(
    String clusterName,
    String name,
    String arn,
    String statusAsString,
    String podExecutionRoleArn,
    List<String> subnetIds,
    List<FargateSelector> selectors,
    Map<String, String> tags) {
  /** The status as a value of the SDK's enum; {@code UNKNOWN_TO_SDK_VERSION} for a newer one. */
  public FargateProfileStatus status() {
    return FargateProfileStatus.fromValue(statusAsString);
  }

  public FargateProfileInfo {
    subnetIds = List.copyOf(subnetIds);
    selectors = List.copyOf(selectors);
    tags = Map.copyOf(tags);
  }
}
