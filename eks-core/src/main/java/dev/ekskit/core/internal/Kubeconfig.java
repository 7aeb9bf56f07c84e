package dev.ekskit.core.internal;

import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.EksKitException;

/**
 * Renders a kubeconfig for one cluster: its server and CA, and a user that authenticates either
 * with a token or by running {@code aws eks get-token}. Every value is a double-quoted YAML scalar.
 */
public final class Kubeconfig {
  private Kubeconfig() {}

  /** A kubeconfig carrying {@code token}; it works until the token expires. */
  public static String withToken(ClusterInfo cluster, String token) {
    return render(cluster, "    token: " + quoted(token) + "\n");
  }

  /** A kubeconfig whose user runs the AWS CLI for a fresh token whenever one is needed. */
  public static String withAwsCli(ClusterInfo cluster) {
    String region = AuthTokens.regionOf(cluster.arn());
    return render(
        cluster,
        "    exec:\n"
            + "      apiVersion: \"client.authentication.k8s.io/v1beta1\"\n"
            + "      command: \"aws\"\n"
            + "      args: [\"--region\", "
            + quoted(region)
            + ", \"eks\", \"get-token\", \"--cluster-name\", "
            + quoted(cluster.name())
            + ", \"--output\", \"json\"]\n"
            + "      interactiveMode: \"Never\"\n");
  }

  private static String render(ClusterInfo cluster, String user) {
    if (cluster.endpoint().isEmpty() || cluster.certificateAuthorityData().isEmpty()) {
      throw new EksKitException(
          "cluster "
              + cluster.name()
              + " is "
              + cluster.status()
              + ": it has no API endpoint yet; wait until it is ACTIVE");
    }
    String id = quoted(cluster.arn());
    return "apiVersion: v1\n"
        + "kind: Config\n"
        + "clusters:\n"
        + "- name: "
        + id
        + "\n"
        + "  cluster:\n"
        + "    server: "
        + quoted(cluster.endpoint())
        + "\n"
        + "    certificate-authority-data: "
        + quoted(cluster.certificateAuthorityData())
        + "\n"
        + "contexts:\n"
        + "- name: "
        + id
        + "\n"
        + "  context:\n"
        + "    cluster: "
        + id
        + "\n"
        + "    user: "
        + id
        + "\n"
        + "current-context: "
        + id
        + "\n"
        + "users:\n"
        + "- name: "
        + id
        + "\n"
        + "  user:\n"
        + user;
  }

  /** A YAML double-quoted scalar; EKS names, ARNs, URLs and base64 need only these escapes. */
  private static String quoted(String value) {
    return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
