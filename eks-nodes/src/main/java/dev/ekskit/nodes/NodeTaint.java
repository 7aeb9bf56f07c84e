package dev.ekskit.nodes;

import dev.ekskit.core.InvalidSpecException;
import dev.ekskit.core.spi.Violations;
import dev.ekskit.nodes.internal.TaintRules;
import java.util.Objects;
import java.util.Optional;

/**
 * A Kubernetes node taint, the same value for managed and self-managed node groups and for {@link
 * NodeBootstrap}: a key, an optional value and an {@link Effect}. Key and value are checked as
 * Kubernetes checks them (a qualified name such as {@code example.com/dedicated}; a value of at
 * most 63 letters, digits, {@code -}, {@code _} and {@code .}); a bad one throws {@link
 * InvalidSpecException} naming the field and the rule.
 *
 * <pre>{@code
 * NodeTaint batch = NodeTaint.of("dedicated", "batch", NodeTaint.Effect.NO_SCHEDULE);
 * NodeTaint gpu = NodeTaint.of("nvidia.com/gpu", NodeTaint.Effect.NO_EXECUTE);
 * NodeTaint moved = NodeTaint.parse("dedicated=batch:NoSchedule"); // equals batch
 * batch.toString(); // "dedicated=batch:NoSchedule", kubelet's --register-with-taints syntax
 * }</pre>
 */
public final class NodeTaint {
  /** What the taint does to pods that do not tolerate it. */
  public enum Effect {
    /** New pods are not scheduled on the node. */
    NO_SCHEDULE("NoSchedule"),
    /** The scheduler avoids the node when it can. */
    PREFER_NO_SCHEDULE("PreferNoSchedule"),
    /** New pods are not scheduled and running ones are evicted. */
    NO_EXECUTE("NoExecute");

    private final String kubernetesName;

    Effect(String kubernetesName) {
      this.kubernetesName = kubernetesName;
    }

    /** The name Kubernetes and kubelet use, e.g. {@code NoSchedule}. */
    public String kubernetesName() {
      return kubernetesName;
    }

    /** The effect Kubernetes calls {@code name}, or empty if there is none of that name. */
    public static Optional<Effect> fromKubernetesName(String name) {
      for (Effect effect : values()) {
        if (effect.kubernetesName.equals(name)) {
          return Optional.of(effect);
        }
      }
      return Optional.empty();
    }
  }

  private final String key;
  private final String value;
  private final Effect effect;

  private NodeTaint(String key, String value, Effect effect) {
    this.key = key;
    this.value = value;
    this.effect = effect;
  }

  /** A taint with a value; an empty value is the same as none, as in Kubernetes. */
  public static NodeTaint of(String key, String value, Effect effect) {
    Violations v = new Violations("NodeTaint");
    TaintRules.key(v, "key", key);
    TaintRules.value(v, "value", value);
    if (effect == null) {
      v.add("effect", "required", "must be given, was null");
    }
    v.throwIfAny();
    return new NodeTaint(key, value == null || value.isEmpty() ? null : value, effect);
  }

  /** A taint without a value. */
  public static NodeTaint of(String key, Effect effect) {
    return of(key, null, effect);
  }

  /**
   * Reads kubelet's syntax, {@code key[=value]:Effect}, e.g. {@code dedicated=batch:NoSchedule}:
   * for moving from the strings earlier releases took.
   */
  public static NodeTaint parse(String taint) {
    Violations.requireGiven("NodeTaint", "taint", taint);
    int colon = taint.lastIndexOf(':');
    Optional<Effect> effect =
        colon < 0 ? Optional.empty() : Effect.fromKubernetesName(taint.substring(colon + 1));
    if (effect.isEmpty()) {
      new Violations("NodeTaint")
          .add(
              "taint",
              "syntax",
              "must be key[=value]:Effect with Effect NoSchedule, PreferNoSchedule or NoExecute")
          .throwIfAny();
    }
    String keyValue = taint.substring(0, colon);
    int equals = keyValue.indexOf('=');
    return equals < 0
        ? of(keyValue, effect.get())
        : of(keyValue.substring(0, equals), keyValue.substring(equals + 1), effect.get());
  }

  public String key() {
    return key;
  }

  public Optional<String> value() {
    return Optional.ofNullable(value);
  }

  public Effect effect() {
    return effect;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof NodeTaint taint
        && key.equals(taint.key)
        && Objects.equals(value, taint.value)
        && effect == taint.effect;
  }

  @Override
  public int hashCode() {
    return Objects.hash(key, value, effect);
  }

  /** Kubelet's syntax: {@code key[=value]:Effect}. */
  @Override
  public String toString() {
    return key + (value == null ? "" : "=" + value) + ":" + effect.kubernetesName();
  }
}
