package dev.ekskit.nodes;

import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.spi.SpecStyle;
import dev.ekskit.nodes.internal.LaunchTemplateRules;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An EC2 launch template for nodes, with secure defaults: IMDSv2 required (session tokens only), an
 * encrypted gp3 root volume deleted with the instance, and ekskit's ownership tags on the template,
 * its instances and volumes.
 *
 * <pre>{@code
 * LaunchTemplateSpec spec = LaunchTemplateSpec.builder()
 *     .name("orders-general")
 *     .imageId(ami.imageId())
 *     .userData(UserData.render(AmiFamily.AMAZON_LINUX_2023, boot))
 *     .rootVolumeGib(50)
 *     .build();
 * }</pre>
 *
 * <p>The metadata hop limit defaults to 2, which containers that do not run on the host network
 * need to reach IMDS (the AWS SDKs in pods fall back to it); set 1 to keep pods away from the
 * node's credentials when they use IAM roles for service accounts or Pod Identity instead. For a
 * managed node group leave {@link #iamInstanceProfileArn()} and, on a stock AMI, {@link #imageId()}
 * empty: EKS sets them.
 */
@Value.Immutable
@SpecStyle
public abstract class LaunchTemplateSpec {
  LaunchTemplateSpec() {}

  public static Builder builder() {
    return new Builder();
  }

  /** A builder holding this spec's values, to change some of them. */
  public Builder toBuilder() {
    return builder().from(this);
  }

  /** 3–128 characters: letters, digits and {@code ( ) . / _ -}. */
  public abstract String name();

  public abstract Optional<String> imageId();

  public abstract Optional<String> instanceType();

  /** Plain text; encoded to base64 on the way out. See {@link UserData}. */
  public abstract Optional<String> userData();

  public abstract Optional<String> iamInstanceProfileArn();

  public abstract List<String> securityGroupIds();

  /** IMDSv2 hop limit, 1–64. */
  @Value.Default
  public int metadataHopLimit() {
    return 2;
  }

  @Value.Default
  public int rootVolumeGib() {
    return 20;
  }

  /** {@code /dev/xvda} for Amazon Linux; Bottlerocket keeps its data on {@code /dev/xvdb}. */
  @Value.Default
  public String rootDeviceName() {
    return "/dev/xvda";
  }

  /**
   * The OS volume of images that keep it apart from the data volume (Bottlerocket: {@code
   * /dev/xvda}, with data on {@code /dev/xvdb}); mapped encrypted gp3 at the image's own size.
   */
  public abstract Optional<String> osDeviceName();

  /** A KMS key for the volume; the account's default EBS key when absent. */
  public abstract Optional<String> kmsKeyId();

  public abstract Map<String, String> tags();

  @Value.Check
  void check() {
    LaunchTemplateRules.check(this);
  }

  /** Builds a {@link LaunchTemplateSpec}; {@code build()} throws {@link InvalidSpecException}. */
  public static final class Builder extends ImmutableLaunchTemplateSpec.Builder {
    Builder() {}
  }
}
