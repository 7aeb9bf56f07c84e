package dev.ekskit.nodes;

import java.util.Optional;

/**
 * An AMI that exists, is {@code available} and matches the chosen architecture.
 *
 * <pre>{@code
 * ResolvedAmi ami = nodegroups.amis().resolve(AmiChoice.defaultChoice(), "1.33").join();
 * String id = ami.imageId();
 * }</pre>
 *
 * @param imageId the AMI id, e.g. {@code ami-0123456789abcdef0}
 * @param choice what was asked for
 * @param kubernetesVersion the {@code major.minor} it was resolved for
 * @param parameter the SSM parameter it came from; empty for an explicit AMI id
 * @param release the release ({@code release_version} or {@code image_version}) when known
 * @param imageName the AMI's name
 */
public record ResolvedAmi(
    String imageId,
    AmiChoice choice,
    String kubernetesVersion,
    Optional<String> parameter,
    Optional<String> release,
    String imageName) {}
