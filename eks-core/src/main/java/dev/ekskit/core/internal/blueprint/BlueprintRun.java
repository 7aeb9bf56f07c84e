package dev.ekskit.core.internal.blueprint;

import dev.ekskit.core.ApplyOptions;
import dev.ekskit.core.BlueprintPart;
import dev.ekskit.core.ClusterBlueprint;
import dev.ekskit.core.ClusterInfo;
import dev.ekskit.core.NetworkInfo;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.internal.KitServices;
import dev.ekskit.core.spi.BlueprintContext;
import dev.ekskit.core.spi.BlueprintPartHandler;
import dev.ekskit.core.spi.KitContext;
import dev.ekskit.core.spi.Violations;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.eks.EksClient;
import software.amazon.awssdk.services.iam.IamClient;

/**
 * One plan, apply or upgrade of a blueprint: its resources in apply order with their handlers, the
 * kit's clients (taken in the caller's thread), and what the run has learned or made so far (the
 * target version, the network, the role ARNs, the cluster), which parts read to fill in what their
 * specs leave out.
 */
public final class BlueprintRun implements BlueprintContext {
  private final KitServices kit;
  private final ClusterBlueprint blueprint;
  private final ApplyOptions options;
  private final EksClient eks;
  private final Ec2Client ec2;
  private final IamClient iam;
  private final List<BlueprintItem<?>> items = new ArrayList<>();
  private final List<BlueprintPartHandler<?>> deletable = new ArrayList<>();
  private volatile String kubernetesVersion = "";
  private volatile ClusterInfo cluster;
  private volatile NetworkInfo network;
  private volatile String clusterRoleArn;
  private volatile String nodeRoleArn;

  private BlueprintRun(KitServices kit, ClusterBlueprint blueprint, ApplyOptions options) {
    this.kit = kit;
    this.blueprint = blueprint;
    this.options = options;
    this.eks = kit.client(EksClient.class);
    this.ec2 = kit.client(Ec2Client.class);
    this.iam = kit.client(IamClient.class);
  }

  /**
   * The run's resources, each with its handler. Throws {@link dev.ekskit.core.InvalidSpecException}
   * before any AWS call when a client or the module of a part is missing.
   */
  public static BlueprintRun prepare(
      KitServices kit, ClusterBlueprint blueprint, ApplyOptions options) {
    BlueprintRun run = new BlueprintRun(kit, blueprint, options);
    run.collect();
    return run;
  }

  private void collect() {
    blueprint
        .network()
        .ifPresent(spec -> items.add(new BlueprintItem<>(new NetworkStep(this), spec, "network")));
    blueprint
        .clusterRole()
        .ifPresent(
            spec -> items.add(new BlueprintItem<>(RoleStep.cluster(this), spec, "clusterRole")));
    blueprint
        .nodeRole()
        .ifPresent(spec -> items.add(new BlueprintItem<>(RoleStep.node(this), spec, "nodeRole")));
    items.add(new BlueprintItem<>(new ClusterStep(this), blueprint.cluster(), "cluster"));
    add(new ServiceAccountRoleStep(this), blueprint.serviceAccountRoles(), "serviceAccountRoles");
    add(new AddonStep(this), blueprint.addons(), "addons");
    add(new AccessEntryStep(this), blueprint.accessEntries(), "accessEntries");
    add(new AssociationStep(this), blueprint.podIdentityAssociations(), "podIdentityAssociations");
    Violations v = new Violations("ClusterBlueprint");
    List<BlueprintPart> parts = blueprint.parts();
    for (int i = 0; i < parts.size(); i++) {
      BlueprintPart part = parts.get(i);
      Optional<BlueprintPartHandler<?>> handler = kit.blueprintPart(part);
      if (handler.isEmpty()) {
        v.add(
            "parts[" + i + "]",
            "module-missing",
            "no module of this kit handles "
                + part.getClass().getSimpleName()
                + ": put its ekskit module on the class path, or register it with"
                + " EksKit.builder().addModule(...)");
      } else {
        items.add(BlueprintItem.of(handler.get(), part, "parts[" + i + "]"));
      }
    }
    v.throwIfAny();
    deletable.addAll(kit.blueprintParts());
    items.sort(Comparator.comparing(BlueprintItem::stage));
  }

  private <S> void add(BlueprintPartHandler<S> handler, List<S> specs, String list) {
    for (int i = 0; i < specs.size(); i++) {
      items.add(new BlueprintItem<>(handler, specs.get(i), list + "[" + i + "]"));
    }
    deletable.add(handler);
  }

  ClusterBlueprint blueprint() {
    return blueprint;
  }

  ApplyOptions options() {
    return options;
  }

  KitServices services() {
    return kit;
  }

  EksClient eks() {
    return eks;
  }

  Ec2Client ec2() {
    return ec2;
  }

  IamClient iam() {
    return iam;
  }

  List<BlueprintItem<?>> items() {
    return List.copyOf(items);
  }

  /** Handlers whose parts, removed from the blueprint, are deleted when they carry its tag. */
  List<BlueprintPartHandler<?>> deletable() {
    return List.copyOf(deletable);
  }

  ResourceRef clusterRef() {
    return ResourceRef.cluster(clusterName());
  }

  @Override
  public String clusterName() {
    return blueprint.clusterName();
  }

  @Override
  public KitContext kit() {
    return kit;
  }

  @Override
  public String kubernetesVersion() {
    return kubernetesVersion;
  }

  void targetVersion(String version) {
    this.kubernetesVersion = version;
  }

  @Override
  public Optional<ClusterInfo> cluster() {
    return Optional.ofNullable(cluster);
  }

  void cluster(ClusterInfo found) {
    this.cluster = found;
  }

  Optional<NetworkInfo> network() {
    return Optional.ofNullable(network);
  }

  void network(NetworkInfo found) {
    this.network = found;
  }

  Optional<String> clusterRoleArn() {
    return Optional.ofNullable(clusterRoleArn);
  }

  void clusterRoleArn(String arn) {
    this.clusterRoleArn = arn;
  }

  @Override
  public Optional<String> nodeRoleArn() {
    return Optional.ofNullable(nodeRoleArn);
  }

  void nodeRoleArn(String arn) {
    this.nodeRoleArn = arn;
  }

  @Override
  public List<String> nodeSubnetIds() {
    NetworkInfo made = network;
    if (made == null) {
      return List.of();
    }
    return List.copyOf(
        made.natGatewayIds().isEmpty()
            ? made.publicSubnetIds().values()
            : made.privateSubnetIds().values());
  }

  @Override
  public List<String> privateSubnetIds() {
    NetworkInfo made = network;
    return made == null ? List.of() : List.copyOf(made.privateSubnetIds().values());
  }

  @Override
  public boolean allowReplacement() {
    return options.allowReplacement();
  }

  @Override
  public boolean force() {
    return options.force();
  }
}
