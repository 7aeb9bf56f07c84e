package dev.ekskit.core;

/**
 * Names an AWS resource that an operation works on, e.g. {@code cluster orders} or {@code nodegroup
 * orders/general}.
 *
 * @param kind the kind of resource: {@code "cluster"}, {@code "nodegroup"}, {@code
 *     "fargate-profile"}, ...
 * @param name its name; children are {@code parent/child}
 */
public record ResourceRef(String kind, String name) {
  public static ResourceRef cluster(String name) {
    return new ResourceRef("cluster", name);
  }

  public static ResourceRef child(String kind, String clusterName, String name) {
    return new ResourceRef(kind, clusterName + "/" + name);
  }

  @Override
  public String toString() {
    return kind + " " + name;
  }
}
