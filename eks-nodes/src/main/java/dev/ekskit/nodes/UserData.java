package dev.ekskit.nodes;

import dev.ekskit.core.spi.Violations;
import dev.ekskit.nodes.internal.UserDataRules;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * EC2 user data that joins a node to its cluster, per AMI family, with the endpoint, CA and DNS IP
 * embedded: Amazon Linux 2 {@code /etc/eks/bootstrap.sh}; Amazon Linux 2023 a MIME multipart whose
 * {@code application/node.eks.aws} part is a nodeadm {@code NodeConfig}; Bottlerocket TOML
 * settings; Windows {@code <powershell>} calling {@code Start-EKSBootstrap.ps1}. Managed node
 * groups on a stock AMI need none: EKS injects its own.
 *
 * <pre>{@code
 * String text = UserData.render(AmiFamily.AMAZON_LINUX_2023, boot);
 * String forLaunchTemplate = UserData.base64(text);
 * }</pre>
 */
public final class UserData {
  /** The MIME boundary of Amazon Linux 2023 user data. */
  static final String BOUNDARY = "//EKSKIT//";

  private UserData() {}

  public static String render(AmiFamily family, NodeBootstrap boot) {
    return switch (family) {
      case AMAZON_LINUX_2 -> al2(boot);
      case AMAZON_LINUX_2023 -> al2023(boot);
      case BOTTLEROCKET -> bottlerocket(boot);
      case WINDOWS_SERVER_2019, WINDOWS_SERVER_2022, WINDOWS_SERVER_2025 -> windows(boot);
    };
  }

  /** What a launch template's {@code UserData} field takes. */
  public static String base64(String userData) {
    return Base64.getEncoder().encodeToString(userData.getBytes(StandardCharsets.UTF_8));
  }

  private static String al2(NodeBootstrap boot) {
    StringBuilder out = new StringBuilder("#!/bin/bash\nset -o errexit -o nounset -o pipefail\n");
    boot.preBootstrapCommands().forEach(line -> out.append(line).append('\n'));
    out.append("/etc/eks/bootstrap.sh '")
        .append(boot.clusterName())
        .append("' \\\n  --apiserver-endpoint '")
        .append(boot.apiServerEndpoint())
        .append("' \\\n  --b64-cluster-ca '")
        .append(boot.certificateAuthority())
        .append("' \\\n  --dns-cluster-ip '")
        .append(boot.dnsClusterIp())
        .append('\'');
    if (boot.maxPods().isPresent()) {
      out.append(" \\\n  --use-max-pods false");
    }
    List<String> args = kubeletFlags(boot);
    if (!args.isEmpty()) {
      out.append(" \\\n  --kubelet-extra-args '").append(String.join(" ", args)).append('\'');
    }
    return out.append('\n').toString();
  }

  /**
   * User data for a managed node group on a stock AMI that only runs {@code commands} before EKS's
   * own bootstrap, which EKS merges in: a MIME multipart with one shell part for Amazon Linux, a
   * {@code <powershell>} block for Windows. Bottlerocket runs no shell and is refused.
   */
  public static String preBootstrapOnly(AmiFamily family, List<String> commands) {
    Violations v = new Violations("UserData");
    if (commands.isEmpty()) {
      v.add("commands", "min-size", "needs at least one command");
    }
    if (family == AmiFamily.BOTTLEROCKET) {
      v.add(
          "family",
          "bottlerocket-no-shell",
          "Bottlerocket runs no shell user data: use a bootstrap container instead");
    }
    UserDataRules.lines(v, "commands", commands);
    v.throwIfAny();
    if (family.isWindows()) {
      return "<powershell>\n" + String.join("\n", commands) + "\n</powershell>\n";
    }
    StringBuilder out = mimeHeader();
    shellPart(out, commands);
    return out.append("--").append(BOUNDARY).append("--\n").toString();
  }

  private static StringBuilder mimeHeader() {
    return new StringBuilder("MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"")
        .append(BOUNDARY)
        .append("\"\n\n");
  }

  private static void shellPart(StringBuilder out, List<String> commands) {
    out.append("--")
        .append(BOUNDARY)
        .append("\nContent-Type: text/x-shellscript; charset=\"us-ascii\"\n\n")
        .append("#!/bin/bash\nset -o errexit -o nounset -o pipefail\n");
    commands.forEach(line -> out.append(line).append('\n'));
    out.append('\n');
  }

  private static String al2023(NodeBootstrap boot) {
    StringBuilder out = mimeHeader();
    if (!boot.preBootstrapCommands().isEmpty()) {
      shellPart(out, boot.preBootstrapCommands());
    }
    out.append("--").append(BOUNDARY).append("\nContent-Type: application/node.eks.aws\n\n");
    out.append("---\napiVersion: node.eks.aws/v1alpha1\nkind: NodeConfig\nspec:\n  cluster:\n")
        .append("    name: ")
        .append(boot.clusterName())
        .append('\n')
        .append("    apiServerEndpoint: ")
        .append(boot.apiServerEndpoint())
        .append('\n')
        .append("    certificateAuthority: ")
        .append(boot.certificateAuthority())
        .append('\n')
        .append("    cidr: ")
        .append(boot.serviceIpv4Cidr())
        .append('\n')
        .append("  kubelet:\n    config:\n      clusterDNS:\n      - ")
        .append(boot.dnsClusterIp())
        .append('\n');
    boot.maxPods().ifPresent(n -> out.append("      maxPods: ").append(n).append('\n'));
    List<String> flags =
        kubeletFlags(boot).stream().filter(f -> !f.startsWith("--max-pods")).toList();
    if (!flags.isEmpty()) {
      out.append("    flags:\n");
      flags.forEach(flag -> out.append("    - \"").append(flag).append("\"\n"));
    }
    return out.append("\n--").append(BOUNDARY).append("--\n").toString();
  }

  private static String bottlerocket(NodeBootstrap boot) {
    if (!boot.preBootstrapCommands().isEmpty()) {
      new Violations("NodeBootstrap")
          .add(
              "preBootstrapCommands",
              "bottlerocket-no-shell",
              "Bottlerocket runs no shell user data: use a bootstrap container instead")
          .throwIfAny();
    }
    StringBuilder out =
        new StringBuilder("[settings.kubernetes]\n")
            .append("cluster-name = \"")
            .append(boot.clusterName())
            .append("\"\n")
            .append("api-server = \"")
            .append(boot.apiServerEndpoint())
            .append("\"\n")
            .append("cluster-certificate = \"")
            .append(boot.certificateAuthority())
            .append("\"\n")
            .append("cluster-dns-ip = \"")
            .append(boot.dnsClusterIp())
            .append("\"\n");
    boot.maxPods().ifPresent(n -> out.append("max-pods = ").append(n).append('\n'));
    if (!boot.labels().isEmpty()) {
      out.append("\n[settings.kubernetes.node-labels]\n");
      boot.labels()
          .forEach((k, v) -> out.append('"').append(k).append("\" = \"").append(v).append("\"\n"));
    }
    if (!boot.taints().isEmpty()) {
      out.append("\n[settings.kubernetes.node-taints]\n");
      taintsByKey(boot)
          .forEach(
              (key, values) ->
                  out.append('"')
                      .append(key)
                      .append("\" = [")
                      .append(
                          values.stream()
                              .map(v -> "\"" + v + "\"")
                              .collect(Collectors.joining(", ")))
                      .append("]\n"));
    }
    return out.toString();
  }

  private static String windows(NodeBootstrap boot) {
    StringBuilder out = new StringBuilder("<powershell>\n");
    boot.preBootstrapCommands().forEach(line -> out.append(line).append('\n'));
    out.append(
            "[string]$EKSBootstrapScriptFile ="
                + " \"$env:ProgramFiles\\Amazon\\EKS\\Start-EKSBootstrap.ps1\"\n")
        .append("& $EKSBootstrapScriptFile -EKSClusterName '")
        .append(boot.clusterName())
        .append("' -APIServerEndpoint '")
        .append(boot.apiServerEndpoint())
        .append("' -Base64ClusterCA '")
        .append(boot.certificateAuthority())
        .append("' -DNSClusterIP '")
        .append(boot.dnsClusterIp())
        .append('\'');
    List<String> args = kubeletFlags(boot);
    if (!args.isEmpty()) {
      out.append(" -KubeletExtraArgs '").append(String.join(" ", args)).append('\'');
    }
    return out.append(" 3>&1 4>&1 5>&1 6>&1\n</powershell>\n").toString();
  }

  private static List<String> kubeletFlags(NodeBootstrap boot) {
    List<String> flags = new ArrayList<>();
    if (!boot.labels().isEmpty()) {
      flags.add(
          "--node-labels="
              + boot.labels().entrySet().stream()
                  .map(e -> e.getKey() + "=" + e.getValue())
                  .collect(Collectors.joining(",")));
    }
    if (!boot.taints().isEmpty()) {
      flags.add(
          "--register-with-taints="
              + boot.taints().stream().map(NodeTaint::toString).collect(Collectors.joining(",")));
    }
    boot.maxPods().ifPresent(n -> flags.add("--max-pods=" + n));
    return flags;
  }

  /** Taints grouped as Bottlerocket wants: key to a list of {@code value:Effect}. */
  private static Map<String, List<String>> taintsByKey(NodeBootstrap boot) {
    Map<String, List<String>> byKey = new LinkedHashMap<>();
    for (NodeTaint taint : boot.taints()) {
      byKey
          .computeIfAbsent(taint.key(), k -> new ArrayList<>())
          .add(taint.value().orElse("") + ":" + taint.effect().kubernetesName());
    }
    return byKey;
  }
}
