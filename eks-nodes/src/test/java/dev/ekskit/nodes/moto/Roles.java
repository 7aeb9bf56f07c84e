package dev.ekskit.nodes.moto;

import software.amazon.awssdk.services.iam.IamClient;

/** IAM roles for the emulator tests, trusted by one AWS service. */
final class Roles {
  private Roles() {}

  /** Makes role {@code name} that {@code service} (e.g. {@code ec2.amazonaws.com}) may assume. */
  static String create(IamClient iam, String name, String service) {
    return iam.createRole(
            r ->
                r.roleName(name)
                    .assumeRolePolicyDocument(
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                            + "\"Principal\":{\"Service\":\""
                            + service
                            + "\"},\"Action\":\"sts:AssumeRole\"}]}"))
        .role()
        .arn();
  }
}
