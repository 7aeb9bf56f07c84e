package dev.ekskit.nodes.internal;

import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.spi.AwsErrors;
import dev.ekskit.core.spi.KitContext;
import dev.ekskit.core.spi.Scope;
import dev.ekskit.core.spi.Violations;
import dev.ekskit.nodes.AmiChoice;
import dev.ekskit.nodes.AmiNotFoundException;
import dev.ekskit.nodes.AmiSource;
import dev.ekskit.nodes.ResolvedAmi;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.ImageState;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.Parameter;

/**
 * Resolves an {@link AmiChoice} to an AMI id through SSM public parameters and checks it through
 * EC2 {@code DescribeImages}. Successful results are cached for {@link #TTL} per key (parameter
 * path or AMI id); failures are not cached, and concurrent callers share one lookup.
 */
public final class AmiResolution {
  /** The recommended AMI changes when AWS publishes a release, at most every few days. */
  public static final Duration TTL = Duration.ofHours(1);

  static final Pattern IMAGE_ID = Pattern.compile("ami-[0-9a-f]{8,17}");
  static final Pattern RELEASE = Pattern.compile("[A-Za-z0-9._-]{1,128}");

  private final Clock clock;
  private final Map<String, Cached> cache = new ConcurrentHashMap<>();

  /** The kit's clients a lookup uses, taken when its operation starts. */
  public record Clients(SsmClient ssm, Ec2Client ec2) {}

  private record Cached(Instant at, CompletableFuture<ResolvedAmi> value) {}

  private record Lookup(String imageId, Optional<String> parameter, Optional<String> release) {}

  /** One per kit, so that every node group of the kit shares the cache. */
  public AmiResolution(KitContext kit) {
    this.clock = kit.clock();
  }

  /** Everything checkable without AWS; throws {@code InvalidSpecException}. */
  public static void validate(AmiChoice choice, String k8s, AmiSource source) {
    AmiCatalog.checkVersion(choice, k8s);
    Violations v = new Violations("AmiSource");
    validateInto(v, "", choice, source);
    v.throwIfAny();
  }

  /** The pinned release or image id's form; violations name fields after {@code prefix}. */
  public static void validateInto(Violations v, String prefix, AmiChoice choice, AmiSource source) {
    source
        .pinnedImageId()
        .ifPresent(
            id -> v.matches(prefix + "imageId", id, IMAGE_ID, "an AMI id such as ami-0abc12345"));
    source
        .pinnedRelease()
        .ifPresent(
            release -> {
              v.matches(prefix + "release", release, RELEASE, "a release name or version");
              if (choice.isWindows()) {
                v.add(
                    prefix + "release",
                    "windows-latest-only",
                    "Windows publishes only its latest EKS AMI; pin it with AmiSource.imageId");
              }
            });
  }

  public static ResourceRef ref(AmiChoice choice, String k8s) {
    return new ResourceRef("ami", choice + "@" + k8s);
  }

  public CompletableFuture<ResolvedAmi> resolve(
      Scope scope, Clients aws, AmiChoice choice, String k8s, AmiSource source) {
    validate(choice, k8s, source);
    String key = key(choice, k8s, source);
    Instant now = clock.instant();
    Cached entry =
        cache.compute(
            key,
            (k, old) ->
                old != null
                        && now.isBefore(old.at().plus(TTL))
                        && !old.value().isCompletedExceptionally()
                    ? old
                    : new Cached(
                        now, load(scope.child(ref(choice, k8s)), aws, choice, k8s, source)));
    entry
        .value()
        .whenComplete(
            (value, error) -> {
              if (error != null) {
                cache.remove(key, entry);
              }
            });
    return entry.value().thenApply(Function.identity());
  }

  /**
   * As {@link #resolve}, blocking, for reads outside an operation such as a blueprint's plan; uses
   * and fills the same cache.
   */
  public ResolvedAmi resolveNow(Clients aws, AmiChoice choice, String k8s, AmiSource source) {
    validate(choice, k8s, source);
    String key = key(choice, k8s, source);
    Instant now = clock.instant();
    Cached cached = cache.get(key);
    if (cached != null
        && now.isBefore(cached.at().plus(TTL))
        && cached.value().isDone()
        && !cached.value().isCompletedExceptionally()) {
      return cached.value().join();
    }
    ResolvedAmi ami = verified(aws, choice, k8s, lookup(aws, choice, k8s, source));
    cache.put(key, new Cached(now, CompletableFuture.completedFuture(ami)));
    return ami;
  }

  private static String key(AmiChoice choice, String k8s, AmiSource source) {
    return source
        .pinnedImageId()
        .map(id -> id + "@" + choice.arch())
        .orElseGet(() -> path(choice, k8s, source));
  }

  private static String path(AmiChoice choice, String k8s, AmiSource source) {
    return source
        .pinnedRelease()
        .flatMap(release -> AmiCatalog.pinnedImageIdParameter(choice, k8s, release))
        .orElseGet(() -> AmiCatalog.imageIdParameter(choice, k8s));
  }

  private CompletableFuture<ResolvedAmi> load(
      Scope scope, Clients aws, AmiChoice choice, String k8s, AmiSource source) {
    CompletableFuture<Lookup> lookup =
        source.pinnedImageId().isPresent()
            ? CompletableFuture.completedFuture(lookup(aws, choice, k8s, source))
            : scope.call("read SSM parameter", () -> lookup(aws, choice, k8s, source));
    return lookup.thenCompose(
        found -> scope.call("describe image", () -> verified(aws, choice, k8s, found)));
  }

  /** The AMI id the source names: pinned, or read from SSM. */
  private static Lookup lookup(Clients aws, AmiChoice choice, String k8s, AmiSource source) {
    return source
        .pinnedImageId()
        .map(id -> new Lookup(id, Optional.<String>empty(), Optional.<String>empty()))
        .orElseGet(() -> readParameters(aws.ssm(), choice, k8s, source));
  }

  /** The image {@code found} names, checked to exist, be available and fit the choice. */
  private static ResolvedAmi verified(Clients aws, AmiChoice choice, String k8s, Lookup found) {
    Image image = describeImage(aws.ec2(), found.imageId(), found.parameter().orElse(null));
    checkImage(choice, image, found.parameter().orElse(null));
    return new ResolvedAmi(
        image.imageId(), choice, k8s, found.parameter(), found.release(), image.name());
  }

  /** One {@code GetParameters} call for the AMI id and, for the recommended AMI, its release. */
  private static Lookup readParameters(
      SsmClient ssm, AmiChoice choice, String k8s, AmiSource source) {
    String idPath = path(choice, k8s, source);
    List<String> names = new ArrayList<>(List.of(idPath));
    Optional<String> releasePath =
        source.pinnedRelease().isPresent()
            ? Optional.empty()
            : AmiCatalog.releaseParameter(choice, k8s);
    releasePath.ifPresent(names::add);
    Map<String, String> values =
        ssm.getParameters(r -> r.names(names)).parameters().stream()
            .collect(Collectors.toMap(Parameter::name, Parameter::value));
    String imageId = values.get(idPath);
    if (imageId == null) {
      throw new AmiNotFoundException(
          "SSM parameter "
              + idPath
              + " does not exist: EKS publishes no "
              + choice
              + " AMI"
              + source.pinnedRelease().map(r -> " of release " + r).orElse("")
              + " for Kubernetes "
              + k8s
              + " in this region. Likely the version is not (or no longer) supported for this"
              + " family"
              + (source.pinnedRelease().isPresent() ? ", or the release name is wrong" : "")
              + ".",
          idPath,
          null,
          null);
    }
    return new Lookup(
        imageId,
        Optional.of(idPath),
        releasePath.map(values::get).or(() -> source.pinnedRelease()));
  }

  private static Image describeImage(Ec2Client ec2, String imageId, String parameter) {
    try {
      List<Image> images = ec2.describeImages(r -> r.imageIds(imageId)).images();
      if (!images.isEmpty()) {
        return images.get(0);
      }
    } catch (RuntimeException e) {
      if (!AwsErrors.errorCode(e).startsWith("InvalidAMIID")) {
        throw e;
      }
    }
    throw new AmiNotFoundException(
        "AMI "
            + imageId
            + (parameter == null ? "" : " (from " + parameter + ")")
            + " does not exist in this region or is not shared with this account",
        parameter,
        imageId,
        null);
  }

  private static void checkImage(AmiChoice choice, Image image, String parameter) {
    if (image.state() != ImageState.AVAILABLE) {
      throw new AmiNotFoundException(
          "AMI " + image.imageId() + " is " + image.stateAsString() + ", not available",
          parameter,
          image.imageId(),
          null);
    }
    if (!choice.arch().awsName().equals(image.architectureAsString())) {
      Violations v = new Violations("AmiSource");
      v.add(
          "imageId",
          "arch-mismatch",
          "AMI "
              + image.imageId()
              + " is "
              + image.architectureAsString()
              + " but the choice is "
              + choice.arch().awsName());
      v.throwIfAny();
    }
  }
}
