package dev.ekskit.core.internal.network;

import dev.ekskit.core.ResourceRef;

/**
 * One part of a network: its kind ({@code subnet}, {@code nat-gateway}, ...) and its key, unique
 * within the network, which its {@code ekskit.dev/network-part} tag carries so that the part is
 * found on its own, e.g. {@code private-subnet-us-east-1b}.
 */
record NetworkPart(String kind, String key) {
  static final String SUBNET = "subnet";
  static final String ROUTE_TABLE = "route-table";
  static final String SECURITY_GROUP = "security-group";
  static final String NAT_GATEWAY = "nat-gateway";
  static final String ELASTIC_IP = "elastic-ip";
  static final String INTERNET_GATEWAY = "internet-gateway";
  static final String VPC = "vpc";

  static NetworkPart vpc() {
    return new NetworkPart(VPC, "vpc");
  }

  static NetworkPart internetGateway() {
    return new NetworkPart(INTERNET_GATEWAY, "internet-gateway");
  }

  static NetworkPart publicSubnet(String zone) {
    return new NetworkPart(SUBNET, "public-subnet-" + zone);
  }

  static NetworkPart privateSubnet(String zone) {
    return new NetworkPart(SUBNET, "private-subnet-" + zone);
  }

  static NetworkPart publicRouteTable() {
    return new NetworkPart(ROUTE_TABLE, "public-route-table");
  }

  static NetworkPart privateRouteTable(String zone) {
    return new NetworkPart(ROUTE_TABLE, "private-route-table-" + zone);
  }

  static NetworkPart natAddress(String zone) {
    return new NetworkPart(ELASTIC_IP, "nat-eip-" + zone);
  }

  static NetworkPart natGateway(String zone) {
    return new NetworkPart(NAT_GATEWAY, "nat-gateway-" + zone);
  }

  static NetworkPart controlPlaneGroup() {
    return new NetworkPart(SECURITY_GROUP, "control-plane-security-group");
  }

  static NetworkPart sharedNodeGroup() {
    return new NetworkPart(SECURITY_GROUP, "shared-node-security-group");
  }

  /** The part of {@code kind} whose tag says {@code key}, as a delete finds it. */
  static NetworkPart found(String kind, String key) {
    return new NetworkPart(kind, key == null ? "unknown" : key);
  }

  ResourceRef ref(String network) {
    return new ResourceRef(kind, network + "/" + key);
  }

  /** Its {@code Name} tag, and a security group's name: {@code <network>-<key>}. */
  String name(String network) {
    return network + "-" + key;
  }
}
