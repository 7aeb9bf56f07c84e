package dev.ekskit.core.internal.addons;

import dev.ekskit.core.AddonInfo;
import dev.ekskit.core.spi.AwsErrors;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.eks.EksClient;

/** The blocking reads of {@link dev.ekskit.core.Addons}: one add-on, or the names of all. */
public final class AddonReads {
  private AddonReads() {}

  public static Optional<AddonInfo> describe(EksClient eks, String cluster, String name) {
    return AwsErrors.absentAsEmpty(() -> Optional.of(AddonWaits.describe(eks, cluster, name)))
        .map(AddonMapping::info);
  }

  public static List<String> names(EksClient eks, String cluster) {
    return eks.listAddonsPaginator(r -> r.clusterName(cluster)).addons().stream().toList();
  }
}
