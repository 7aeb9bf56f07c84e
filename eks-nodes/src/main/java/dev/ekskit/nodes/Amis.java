package dev.ekskit.nodes;

import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.Operation;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.spi.KitContext;
import dev.ekskit.core.spi.Violations;
import dev.ekskit.nodes.internal.AmiResolution;
import dev.ekskit.nodes.internal.InstanceTypeCheck;
import java.util.List;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ssm.SsmClient;

/**
 * EKS-optimized AMIs: resolution through SSM public parameters (as AWS documents and eksctl and
 * Karpenter do), verification through EC2 {@code DescribeImages}, and instance types checked
 * against the choice. Get it from {@link Nodegroups#amis()}.
 *
 * <pre>{@code
 * Amis amis = Nodegroups.of(kit).amis();
 * AmiChoice choice = AmiChoice.al2023(CpuArch.ARM64, Accelerator.NONE);
 * amis.checkInstanceTypes(choice, List.of("m7g.large")).join();
 * ResolvedAmi ami = amis.resolve(choice, "1.33").join();
 * }</pre>
 *
 * <p>Results are cached for an hour per parameter or AMI id, so many node groups resolve with one
 * lookup. A missing parameter fails with an {@link AmiNotFoundException} naming the path and the
 * likely cause; an AMI of another architecture with an {@link InvalidSpecException}.
 */
public final class Amis {
  private final KitContext kit;
  private final AmiResolution resolution;

  Amis(KitContext kit, AmiResolution resolution) {
    this.kit = kit;
    this.resolution = resolution;
  }

  /** The recommended AMI of {@code choice} for {@code kubernetesVersion}. */
  public Operation<ResolvedAmi> resolve(AmiChoice choice, String kubernetesVersion) {
    return resolve(choice, kubernetesVersion, AmiSource.recommended());
  }

  /**
   * The AMI {@code source} names, checked to exist, be available and match the architecture. Throws
   * {@link InvalidSpecException} at once, with no AWS call, for a version the family does not ship
   * for or a malformed source.
   */
  public Operation<ResolvedAmi> resolve(
      AmiChoice choice, String kubernetesVersion, AmiSource source) {
    AmiResolution.validate(choice, kubernetesVersion, source);
    AmiResolution.Clients clients =
        new AmiResolution.Clients(kit.client(SsmClient.class), kit.client(Ec2Client.class));
    return kit.start(
        AmiResolution.ref(choice, kubernetesVersion),
        null,
        scope -> resolution.resolve(scope, clients, choice, kubernetesVersion, source));
  }

  /**
   * Checks that each instance type exists, runs the choice's architecture and carries the
   * accelerator its AMI has drivers for (a GPU type needs {@link Accelerator#NVIDIA}); fails with
   * an {@link InvalidSpecException} listing every mismatch.
   */
  public Operation<List<InstanceTypeFacts>> checkInstanceTypes(
      AmiChoice choice, List<String> instanceTypes) {
    Violations.requireGiven("AmiChoice", "choice", choice);
    Violations.requireGiven("InstanceTypes", "instanceTypes", instanceTypes);
    if (instanceTypes.isEmpty()) {
      new Violations("InstanceTypes")
          .add("instanceTypes", "min-size", "needs at least one instance type")
          .throwIfAny();
    }
    Ec2Client ec2 = kit.client(Ec2Client.class);
    return kit.start(
        new ResourceRef("instance-types", String.join(",", instanceTypes)),
        null,
        scope ->
            scope.call(
                "describe instance types",
                () ->
                    InstanceTypeCheck.check(
                        ec2, choice, instanceTypes, "InstanceTypes", "instanceTypes")));
  }
}
