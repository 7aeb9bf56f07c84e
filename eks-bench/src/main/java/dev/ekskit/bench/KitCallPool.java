package dev.ekskit.bench;

import dev.ekskit.core.EksKit;
import dev.ekskit.core.internal.Engine;
import dev.ekskit.core.internal.KitServices;
import java.lang.reflect.Field;
import java.util.Optional;
import java.util.concurrent.ThreadPoolExecutor;

/**
 * The pool a kit made for its blocking calls when given no executor. The kit does not show it, so
 * this reads it through private fields, only to measure its queue; empty when the kit's shape
 * changed or it was given an executor.
 */
final class KitCallPool {
  private KitCallPool() {}

  static Optional<ThreadPoolExecutor> of(EksKit kit) {
    try {
      KitServices services = (KitServices) read(EksKit.class, "services", kit);
      return read(Engine.class, "executor", services.engine()) instanceof ThreadPoolExecutor pool
          ? Optional.of(pool)
          : Optional.empty();
    } catch (ReflectiveOperationException | RuntimeException e) {
      return Optional.empty();
    }
  }

  private static Object read(Class<?> owner, String field, Object instance)
      throws ReflectiveOperationException {
    Field found = owner.getDeclaredField(field);
    found.setAccessible(true);
    return found.get(instance);
  }
}
