package dev.ekskit.simulator.internal;

/** A resource that lives inside a cluster: node group, Fargate profile or add-on. */
abstract class ChildResource {
  final String clusterName;
  final String name;
  final String arn;
  final String clientRequestToken;
  final Lifecycle lifecycle;

  ChildResource(
      String clusterName, String name, String arn, String clientRequestToken, Lifecycle lifecycle) {
    this.clusterName = clusterName;
    this.name = name;
    this.arn = arn;
    this.clientRequestToken = clientRequestToken;
    this.lifecycle = lifecycle;
  }
}
