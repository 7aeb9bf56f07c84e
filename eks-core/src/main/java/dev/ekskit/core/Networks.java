package dev.ekskit.core;

import dev.ekskit.core.internal.network.NetworkCreation;
import dev.ekskit.core.internal.network.NetworkDeletion;
import dev.ekskit.core.internal.network.NetworkDescription;
import dev.ekskit.core.spi.KitContext;
import dev.ekskit.core.spi.Specs;
import dev.ekskit.core.spi.Violations;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.services.ec2.Ec2Client;

/**
 * VPCs for clusters, made with EC2 calls as {@code eksctl create cluster} lays them out (see {@link
 * NetworkSpec}). Get it from {@link EksKit#networks()}. Optional: a cluster can use any subnets you
 * bring.
 *
 * <pre>{@code
 * Networks networks = kit.networks();
 * NetworkInfo network = networks.create(NetworkSpec.builder().name("orders").build())
 *     .await(Duration.ofMinutes(10));
 * networks.describe("orders");                          // Optional<NetworkInfo>
 * List<String> removed = networks.delete("orders").join();
 * }</pre>
 *
 * <p>Create checks the spec ({@link InvalidSpecException} at {@code build()}) and the zones against
 * the account, then makes each part in order, every one tagged {@code ekskit.dev/network=<name>}
 * and its own {@code ekskit.dev/network-part} in the create call itself: the VPC (DNS support and
 * hostnames on), the internet gateway, the subnets, the public route table, the two security groups
 * with their rules, the Elastic IPs and NAT gateways (waited until {@code available}, about two
 * minutes), the private route tables. Each part is looked for by its tags before it is made, so
 * running the same create again, after a lost answer or a crash, adopts what exists and makes the
 * rest; a part that differs from the spec is a {@link ConflictException}. A failure once a part
 * exists is a {@link PartialCreationException} naming the parts that exist; a NAT gateway that ends
 * {@code failed} is a {@link ResourceFailedException} with EC2's reason inside it.
 */
public final class Networks {
  private final KitContext kit;

  Networks(KitContext kit) {
    this.kit = kit;
  }

  /**
   * Creates the network, or finishes or adopts one of that name, and waits for its NAT gateways.
   */
  public Operation<NetworkInfo> create(NetworkSpec spec) {
    return create(spec, null);
  }

  /**
   * {@link #create(NetworkSpec)} with the spec filled in on a fresh builder.
   *
   * <pre>{@code
   * kit.networks().create(n -> n.name("orders").clusterName("orders"));
   * }</pre>
   */
  public Operation<NetworkInfo> create(Consumer<NetworkSpec.Builder> spec) {
    return create(
        Specs.build("NetworkSpec", NetworkSpec.builder(), spec, NetworkSpec.Builder::build));
  }

  /** {@link #create(NetworkSpec)}, also reporting this operation's events to {@code listener}. */
  public Operation<NetworkInfo> create(NetworkSpec spec, ProgressListener listener) {
    Violations.requireGiven("NetworkSpec", "spec", spec);
    Ec2Client ec2 = kit.client(Ec2Client.class);
    return kit.start(
        ref(spec.name()), listener, scope -> new NetworkCreation(scope, ec2, spec).run());
  }

  /** The network as EC2 describes its parts now, or empty if it has no VPC. Blocks. */
  public Optional<NetworkInfo> describe(String name) {
    requireName(name);
    return NetworkDescription.of(kit.client(Ec2Client.class), name);
  }

  /**
   * Deletes every part ekskit made for the network, each found on its own by its tags, in the order
   * EC2 allows: NAT gateways (waited until deleted), Elastic IPs, the internet gateway, route
   * tables, subnets (with the {@code available} network interfaces left in them), security groups
   * (their references to each other revoked first), the VPC. {@code DependencyViolation} while
   * interfaces linger is retried for up to about 18 minutes. Refuses with a {@link
   * NetworkInUseException}, deleting nothing, while something runs in the network. Completes with
   * the ids deleted; a network that does not exist is not an error. Safe to run again.
   */
  public Operation<List<String>> delete(String name) {
    return delete(name, null);
  }

  /** {@link #delete(String)}, also reporting this operation's events to {@code listener}. */
  public Operation<List<String>> delete(String name, ProgressListener listener) {
    requireName(name);
    Ec2Client ec2 = kit.client(Ec2Client.class);
    return kit.start(ref(name), listener, scope -> new NetworkDeletion(scope, ec2, name).run());
  }

  private static ResourceRef ref(String name) {
    return new ResourceRef("network", name);
  }

  private static void requireName(String name) {
    Violations v = new Violations("network name");
    v.eksName("name", name, 100);
    v.throwIfAny();
  }
}
