package dev.ekskit.core.internal.automode;

import dev.ekskit.core.AutoMode;
import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.spi.Violations;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.eks.model.AuthenticationMode;

/** The rules EKS puts on an Auto Mode cluster, checked at {@code ClusterSpec.build()}. */
public final class AutoModeRules {
  /** The first Kubernetes version EKS runs Auto Mode on. */
  static final int FIRST_MINOR = 29;

  private static final Pattern VERSION = Pattern.compile("1\\.(\\d+)");

  private AutoModeRules() {}

  public static void check(ClusterSpec spec, Violations v) {
    if (spec.autoMode().isEmpty()) {
      return;
    }
    AutoMode auto = spec.autoMode().get();
    if (spec.bootstrapSelfManagedAddons()) {
      v.add(
          "bootstrapSelfManagedAddons",
          "auto-mode",
          "must be false with Auto Mode, which runs pod networking, kube-proxy and DNS itself");
    }
    if (spec.authenticationMode() == AuthenticationMode.CONFIG_MAP) {
      v.add(
          "authenticationMode",
          "auto-mode",
          "Auto Mode needs access entries: use API or API_AND_CONFIG_MAP");
    }
    spec.kubernetesVersion()
        .map(VERSION::matcher)
        .filter(Matcher::matches)
        .filter(m -> Integer.parseInt(m.group(1)) < FIRST_MINOR)
        .ifPresent(
            m ->
                v.add(
                    "kubernetesVersion",
                    "auto-mode",
                    "Auto Mode runs on Kubernetes 1." + FIRST_MINOR + " and later"));
    auto.nodeRoleArn().ifPresent(arn -> v.roleArn("autoMode.nodeRoleArn", arn));
  }

  /**
   * The node role the built-in node pools need, required to create the cluster on its own: a
   * blueprint that makes a node role fills it in.
   */
  public static void requireNodeRole(ClusterSpec spec, Violations v) {
    spec.autoMode()
        .filter(auto -> !auto.nodePools().isEmpty() && auto.nodeRoleArn().isEmpty())
        .ifPresent(
            auto ->
                v.add(
                    "autoMode.nodeRoleArn",
                    "required",
                    "the built-in node pools " + auto.nodePools() + " need a node role"));
  }
}
