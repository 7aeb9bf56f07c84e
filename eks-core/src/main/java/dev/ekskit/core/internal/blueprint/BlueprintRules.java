package dev.ekskit.core.internal.blueprint;

import dev.ekskit.core.AddonPodIdentity;
import dev.ekskit.core.AddonSpec;
import dev.ekskit.core.BlueprintPart;
import dev.ekskit.core.ClusterBlueprint;
import dev.ekskit.core.ClusterSpec;
import dev.ekskit.core.PodIdentityAssociationSpec;
import dev.ekskit.core.ServiceAccountRoleSpec;
import dev.ekskit.core.Violation;
import dev.ekskit.core.spi.BlueprintFacts;
import dev.ekskit.core.spi.Violations;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The rules of a {@link ClusterBlueprint} as a whole, checked at {@code build()}: every spec
 * belongs to the blueprint's cluster, the role and subnets of the cluster are given or made (not
 * both), names are unique, and each part's own rules within the blueprint. Each violation names its
 * path.
 */
public final class BlueprintRules {
  private BlueprintRules() {}

  public static void check(ClusterBlueprint blueprint) {
    Violations v = new Violations("ClusterBlueprint");
    if (blueprint.cluster() == null) {
      v.add("cluster", "required", "a blueprint needs the cluster spec").throwIfAny();
    }
    String cluster = blueprint.clusterName();
    checkFoundation(blueprint, v);
    sameCluster(v, "addons", blueprint.addons(), AddonSpec::clusterName, cluster);
    sameCluster(v, "accessEntries", blueprint.accessEntries(), a -> a.clusterName(), cluster);
    sameCluster(
        v,
        "podIdentityAssociations",
        blueprint.podIdentityAssociations(),
        PodIdentityAssociationSpec::clusterName,
        cluster);
    sameCluster(
        v,
        "serviceAccountRoles",
        blueprint.serviceAccountRoles(),
        ServiceAccountRoleSpec::clusterName,
        cluster);
    sameCluster(v, "parts", blueprint.parts(), BlueprintPart::clusterName, cluster);
    unique(v, "addons", blueprint.addons(), AddonSpec::name);
    unique(v, "accessEntries", blueprint.accessEntries(), a -> a.principalArn());
    unique(
        v,
        "podIdentityAssociations",
        blueprint.podIdentityAssociations(),
        a -> a.namespace() + "/" + a.serviceAccount());
    unique(
        v,
        "serviceAccountRoles",
        blueprint.serviceAccountRoles(),
        r -> r.namespace() + "/" + r.serviceAccount());
    unique(
        v,
        "parts",
        blueprint.parts(),
        part -> part.getClass().getSimpleName() + " " + part.partName());
    Map<String, String> madeRoles = uniqueRoleNames(blueprint, v);
    checkAddonRoles(blueprint, madeRoles, v);
    checkParts(blueprint, v);
    v.throwIfAny();
  }

  /** The cluster's role and subnets: each given in the cluster spec or made, not both. */
  private static void checkFoundation(ClusterBlueprint blueprint, Violations v) {
    ClusterSpec cluster = blueprint.cluster();
    String name = cluster.name();
    if (cluster.roleArn().isPresent() == blueprint.clusterRole().isPresent()) {
      v.add(
          cluster.roleArn().isPresent() ? "clusterRole" : "cluster.roleArn",
          "one-role",
          "give the cluster spec a roleArn or the blueprint a clusterRole to make, exactly one");
    }
    if (cluster.subnetIds().isEmpty() == blueprint.network().isEmpty()) {
      v.add(
          cluster.subnetIds().isEmpty() ? "cluster.subnetIds" : "network",
          "one-network",
          "give the cluster spec its subnetIds or the blueprint a network to make, exactly one");
    }
    blueprint
        .network()
        .flatMap(n -> n.clusterName())
        .filter(other -> !other.equals(name))
        .ifPresent(other -> v.add("network.clusterName", "same-cluster", mismatch(other, name)));
    blueprint
        .clusterRole()
        .flatMap(r -> r.clusterName())
        .filter(other -> !other.equals(name))
        .ifPresent(
            other -> v.add("clusterRole.clusterName", "same-cluster", mismatch(other, name)));
    blueprint
        .nodeRole()
        .flatMap(r -> r.clusterName())
        .filter(other -> !other.equals(name))
        .ifPresent(other -> v.add("nodeRole.clusterName", "same-cluster", mismatch(other, name)));
    cluster
        .autoMode()
        .ifPresent(
            auto -> {
              if (blueprint.clusterRole().filter(role -> !role.autoMode()).isPresent()) {
                v.add(
                    "clusterRole.autoMode",
                    "auto-mode",
                    "an Auto Mode cluster's role needs the Auto Mode policies: set autoMode(true)");
              }
              if (!auto.nodePools().isEmpty()
                  && auto.nodeRoleArn().isEmpty()
                  && blueprint.nodeRole().isEmpty()) {
                v.add(
                    "cluster.autoMode.nodeRoleArn",
                    "required",
                    "the built-in node pools need a node role: name one or give the blueprint a"
                        + " nodeRole to make");
              }
            });
  }

  /**
   * A role name is made once: by the cluster role, the node role or one workload role. Returns the
   * path that makes each role.
   */
  private static Map<String, String> uniqueRoleNames(ClusterBlueprint blueprint, Violations v) {
    Map<String, String> madeBy = new HashMap<>();
    blueprint.clusterRole().ifPresent(role -> claim(v, madeBy, role.name(), "clusterRole.name"));
    blueprint.nodeRole().ifPresent(role -> claim(v, madeBy, role.name(), "nodeRole.name"));
    for (int i = 0; i < blueprint.serviceAccountRoles().size(); i++) {
      claim(
          v,
          madeBy,
          blueprint.serviceAccountRoles().get(i).role().name(),
          "serviceAccountRoles[" + i + "].role.name");
    }
    for (int i = 0; i < blueprint.podIdentityAssociations().size(); i++) {
      Optional<String> made =
          blueprint.podIdentityAssociations().get(i).role().map(role -> role.name());
      String path = "podIdentityAssociations[" + i + "].role.name";
      made.ifPresent(roleName -> claim(v, madeBy, roleName, path));
    }
    return madeBy;
  }

  /**
   * An add-on's roles that the blueprint makes must be of the right kind and made in time: its
   * service-account role one of the IRSA roles (made before the add-ons, trusting the cluster's
   * OIDC provider); its Pod Identity roles none of the blueprint's, which are made only with their
   * associations, after the add-ons. Roles the blueprint does not make must exist (checked by the
   * plan).
   */
  private static void checkAddonRoles(
      ClusterBlueprint blueprint, Map<String, String> madeRoles, Violations v) {
    List<AddonSpec> addons = blueprint.addons();
    for (int i = 0; i < addons.size(); i++) {
      String at = "addons[" + i + "].";
      addons
          .get(i)
          .serviceAccountRoleArn()
          .ifPresent(
              arn -> {
                String madeBy = madeRoles.get(roleName(arn));
                if (madeBy != null && !madeBy.startsWith("serviceAccountRoles")) {
                  v.add(
                      at + "serviceAccountRoleArn",
                      "irsa-role",
                      "names the role the blueprint makes as "
                          + madeBy
                          + ": an add-on's service-account role must be one of its"
                          + " serviceAccountRoles, which trust the cluster's OIDC provider");
                }
              });
      List<AddonPodIdentity> identities = addons.get(i).podIdentityAssociations();
      for (int j = 0; j < identities.size(); j++) {
        String madeBy = madeRoles.get(roleName(identities.get(j).roleArn()));
        if (madeBy != null) {
          v.add(
              at + "podIdentityAssociations[" + j + "].roleArn",
              "pod-identity-role",
              "names the role the blueprint makes as "
                  + madeBy
                  + ", which does not exist yet when the add-on is made: give the add-on a role"
                  + " that trusts pods.eks.amazonaws.com and exists already");
        }
      }
    }
  }

  private static String roleName(String arn) {
    return arn.substring(arn.lastIndexOf('/') + 1);
  }

  private static void claim(Violations v, Map<String, String> madeBy, String role, String path) {
    String first = madeBy.putIfAbsent(role, path);
    if (first != null) {
      v.add(path, "unique-role", "the role " + role + " is already made by " + first);
    }
  }

  private static void checkParts(ClusterBlueprint blueprint, Violations v) {
    ClusterSpec cluster = blueprint.cluster();
    BlueprintFacts facts =
        new BlueprintFacts(
            cluster.name(),
            cluster.kubernetesVersion(),
            blueprint.network(),
            blueprint.nodeRole().isPresent(),
            cluster.autoMode().isPresent(),
            blueprint.parts());
    List<BlueprintPart> parts = blueprint.parts();
    for (int i = 0; i < parts.size(); i++) {
      for (Violation found : parts.get(i).violationsWithin(facts)) {
        v.add("parts[" + i + "]." + found.field(), found.rule(), found.message());
      }
    }
  }

  private static <T> void sameCluster(
      Violations v, String list, List<T> items, Function<T, String> clusterOf, String cluster) {
    for (int i = 0; i < items.size(); i++) {
      String other = clusterOf.apply(items.get(i));
      if (!other.equals(cluster)) {
        v.add(list + "[" + i + "].clusterName", "same-cluster", mismatch(other, cluster));
      }
    }
  }

  private static <T> void unique(
      Violations v, String list, List<T> items, Function<T, String> key) {
    Map<String, Integer> first = new HashMap<>();
    for (int i = 0; i < items.size(); i++) {
      String name = key.apply(items.get(i));
      Integer earlier = first.putIfAbsent(name, i);
      if (earlier != null) {
        v.add(
            list + "[" + i + "]",
            "unique",
            name + " is already in the blueprint at " + list + "[" + earlier + "]");
      }
    }
  }

  private static String mismatch(String other, String cluster) {
    return "names cluster " + other + ", but the blueprint's cluster is " + cluster;
  }
}
