package dev.ekskit.core;

import java.util.List;

/**
 * A network still has something running in it (a cluster's control plane, nodes, load balancers),
 * so ekskit refused to delete it. Nothing was deleted; delete what {@link #users()} names first,
 * then delete the network again.
 *
 * <pre>{@code
 * try {
 *   kit.networks().delete("orders").join();
 * } catch (NetworkInUseException e) {
 *   log.warn("still in use: {}", e.users());   // e.g. "eni-0a1b... (Amazon EKS orders)"
 * }
 * }</pre>
 */
public class NetworkInUseException extends EksKitException {
  private static final long serialVersionUID = 1L;
  private final ResourceRef network;
  private final List<String> users;

  /**
   * @param network the network
   * @param users the network interfaces in use in it, with what AWS says they are for
   */
  public NetworkInUseException(ResourceRef network, List<String> users) {
    super(
        network
            + " is still in use, so nothing was deleted: "
            + String.join(", ", users)
            + ". Delete what uses it (its cluster, node groups, load balancers) first, then delete"
            + " the network again");
    this.network = network;
    this.users = List.copyOf(users);
  }

  public ResourceRef network() {
    return network;
  }

  /** The network interfaces in use, e.g. {@code eni-0a1b2c3d4e5f60718 (Amazon EKS orders)}. */
  public List<String> users() {
    return users;
  }
}
