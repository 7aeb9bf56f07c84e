package dev.ekskit.core.spi;

import dev.ekskit.core.AwsCallException;
import dev.ekskit.core.ConflictException;
import dev.ekskit.core.EksKitException;
import dev.ekskit.core.FieldDifference;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.Steps;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * The one create of every resource ekskit makes: find (where the create takes no idempotency
 * token), create; if it was found or AWS answers "it is there" (a lost response, a crash, another
 * process), describe it, compare it with the spec, and adopt it when it matches or fail with a
 * {@link ConflictException} listing the differences. The create call pins its idempotency token
 * outside, so every attempt carries the same one.
 *
 * <pre>{@code
 * String token = UUID.randomUUID().toString();
 * CreateOrAdopt<Nodegroup> nodegroup = CreateOrAdopt.<Nodegroup>builder(ref)
 *     .what("the node group")
 *     .cleanup("remove it with nodegroups.managed().delete(\"orders\", \"general\")")
 *     .create(() -> eks.createNodegroup(request(token)).nodegroup())
 *     .describe(() -> eks.describeNodegroup(r -> r.clusterName("orders").nodegroupName("general")).nodegroup())
 *     .differences(existing -> NodegroupDiff.between(spec, existing))
 *     .status(Nodegroup::statusAsString)
 *     .build();
 * nodegroup.run(scope).thenCompose(made -> made.adopted() ? resume(made) : awaitFresh(made));
 * }</pre>
 *
 * @param <R> the resource as AWS describes it
 */
public final class CreateOrAdopt<R> {
  /** What the create ended with: the resource, and whether it was there already. */
  public record Outcome<R>(R resource, boolean adopted) {}

  private final ResourceRef ref;
  private final String what;
  private final String cleanup;
  private final String createStep;
  private final String adoptStep;
  private final Supplier<R> create;
  private final Supplier<Boolean> find;
  private final Supplier<R> describe;
  private final Function<R, List<FieldDifference>> differences;
  private final Function<R, Optional<EksKitException>> unusable;
  private final Function<R, String> status;
  private final Predicate<Throwable> exists;
  private final StepRetries retries;

  private CreateOrAdopt(Builder<R> b) {
    this.ref = Objects.requireNonNull(b.ref, "ref");
    this.what = b.what != null ? b.what : "the " + ref.kind();
    this.cleanup = Objects.requireNonNull(b.cleanup, "cleanup");
    this.createStep = b.createStep;
    this.adoptStep = b.adoptStep;
    this.create = Objects.requireNonNull(b.create, "create");
    this.find = b.find;
    this.describe = Objects.requireNonNull(b.describe, "describe");
    this.differences = b.differences;
    this.unusable = b.unusable;
    this.status = b.status;
    this.exists = b.exists;
    this.retries = b.retries;
  }

  public static <R> Builder<R> builder(ResourceRef ref) {
    return new Builder<>(ref);
  }

  /**
   * Runs it as steps of {@code scope}: the create, and the adoption when AWS says it exists. A
   * create that fails otherwise fails with an {@link EksKitException} saying whether anything may
   * exist.
   */
  public CompletableFuture<Outcome<R>> run(Scope scope) {
    return scope
        .call(createStep, retries, this::createOrNothing)
        .exceptionallyCompose(error -> CompletableFuture.failedFuture(failure(error)))
        .thenCompose(
            created ->
                created != null
                    ? CompletableFuture.completedFuture(created)
                    : scope
                        .call(adoptStep, () -> adopt(scope))
                        .thenApply(existing -> new Outcome<>(existing, true)));
  }

  /**
   * Runs it as one blocking call, for a part made within a larger step; AWS errors pass through.
   */
  public Outcome<R> call() {
    Outcome<R> created = createOrNothing();
    return created != null ? created : new Outcome<>(adopt(null), true);
  }

  /**
   * What the create made (its answer may be null where AWS answers nothing), or null if it exists.
   */
  private Outcome<R> createOrNothing() {
    if (find.get()) {
      return null;
    }
    try {
      return new Outcome<>(create.get(), false);
    } catch (RuntimeException e) {
      if (exists.test(e)) {
        return null;
      }
      throw e;
    }
  }

  private R adopt(Scope scope) {
    R existing = describe.get();
    List<FieldDifference> diff = differences.apply(existing);
    if (!diff.isEmpty()) {
      throw new ConflictException(ref, diff, null);
    }
    Optional<EksKitException> refusal = unusable.apply(existing);
    if (refusal.isPresent()) {
      throw refusal.get();
    }
    if (scope != null && status != null) {
      scope.observed(adoptStep, status.apply(existing));
    }
    return existing;
  }

  /**
   * A create that failed for good. After retries ran out AWS may have acted before failing, so the
   * message offers both ways on; a refusal means nothing was created.
   */
  private EksKitException failure(Throwable error) {
    Throwable cause = AwsErrors.unwrap(error);
    if (!(cause instanceof AwsCallException)) {
      return cause instanceof EksKitException known ? known : new EksKitException(what, cause);
    }
    String outcome =
        AwsErrors.isRetryable(cause)
            ? "gave up: AWS may have created "
                + what
                + " before failing; run create again with the same spec to adopt it, or "
                + cleanup
            : AwsErrors.serviceTitle(cause) + " refused the request; " + what + " was not created";
    return new AwsCallException(
        ref, createStep, outcome + ": " + AwsErrors.describe(cause), cause.getCause());
  }

  /**
   * Options of a {@link CreateOrAdopt}; {@code create}, {@code describe} and {@code cleanup} are
   * required.
   */
  public static final class Builder<R> {
    private final ResourceRef ref;
    private String what;
    private String cleanup;
    private String createStep = Steps.CREATE;
    private String adoptStep = "adopt";
    private Supplier<R> create;
    private Supplier<Boolean> find = () -> false;
    private Supplier<R> describe;
    private Function<R, List<FieldDifference>> differences = existing -> List.of();
    private Function<R, Optional<EksKitException>> unusable = existing -> Optional.empty();
    private Function<R, String> status;
    private Predicate<Throwable> exists = AwsErrors::saysItExists;
    private StepRetries retries = StepRetries.none();

    private Builder(ResourceRef ref) {
      this.ref = ref;
    }

    /** The resource in words, e.g. {@code "the node group"}; default {@code "the " + kind}. */
    public Builder<R> what(String what) {
      this.what = what;
      return this;
    }

    /** How to remove it, e.g. {@code remove it with kit.clusters().delete("orders")}. */
    public Builder<R> cleanup(String cleanup) {
      this.cleanup = cleanup;
      return this;
    }

    /** Names of the two steps; default {@code create} and {@code adopt}. */
    public Builder<R> steps(String create, String adopt) {
      this.createStep = Objects.requireNonNull(create, "create");
      this.adoptStep = Objects.requireNonNull(adopt, "adopt");
      return this;
    }

    /**
     * The blocking create call, with its idempotency token pinned outside; it may answer null where
     * AWS answers nothing.
     */
    public Builder<R> create(Supplier<R> create) {
      this.create = create;
      return this;
    }

    /**
     * Looks for it before each create attempt, for resources whose create takes no idempotency
     * token (found by tags, say): when it is there, it is adopted instead of created again.
     */
    public Builder<R> find(Supplier<Boolean> find) {
      this.find = Objects.requireNonNull(find, "find");
      return this;
    }

    /** The blocking describe of what exists under the name. */
    public Builder<R> describe(Supplier<R> describe) {
      this.describe = describe;
      return this;
    }

    /** Where an existing resource differs from the spec; empty means it may be adopted. */
    public Builder<R> differences(Function<R, List<FieldDifference>> differences) {
      this.differences = Objects.requireNonNull(differences, "differences");
      return this;
    }

    /**
     * Why a matching resource still cannot be adopted (e.g. it is FAILED or DELETING), if it
     * cannot.
     */
    public Builder<R> unusable(Function<R, Optional<EksKitException>> unusable) {
      this.unusable = Objects.requireNonNull(unusable, "unusable");
      return this;
    }

    /** Its status, reported when it is adopted. */
    public Builder<R> status(Function<R, String> status) {
      this.status = status;
      return this;
    }

    /** Which errors say "it is there"; default {@link AwsErrors#saysItExists}. */
    public Builder<R> exists(Predicate<Throwable> exists) {
      this.exists = Objects.requireNonNull(exists, "exists");
      return this;
    }

    /** What the create retries besides throttling and faults, e.g. waiting its turn. */
    public Builder<R> retries(StepRetries retries) {
      this.retries = Objects.requireNonNull(retries, "retries");
      return this;
    }

    public CreateOrAdopt<R> build() {
      return new CreateOrAdopt<>(this);
    }
  }
}
