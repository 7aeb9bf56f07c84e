package dev.ekskit.core;

import dev.ekskit.core.spi.Tags;
import java.util.List;
import java.util.Map;

/**
 * An IAM role as IAM last described it.
 *
 * @param name role name
 * @param arn role ARN, e.g. {@code arn:aws:iam::123456789012:role/orders-cluster}
 * @param path e.g. {@code /}
 * @param permissionsBoundaryArn the permissions boundary policy; empty when there is none
 * @param managedPolicyArns the managed policies attached to it
 * @param inlinePolicyNames the names of its inline policies
 * @param tags its tags, including ekskit's own
 */
public record RoleInfo(
    String name,
    String arn,
    String path,
    String permissionsBoundaryArn,
    List<String> managedPolicyArns,
    List<String> inlinePolicyNames,
    Map<String, String> tags) {

  public RoleInfo {
    managedPolicyArns = List.copyOf(managedPolicyArns);
    inlinePolicyNames = List.copyOf(inlinePolicyNames);
    tags = Map.copyOf(tags);
  }

  /** Whether ekskit made it, so that its deletes may remove it. */
  public boolean isManagedByEksKit() {
    return Tags.isManagedByEksKit(tags);
  }
}
