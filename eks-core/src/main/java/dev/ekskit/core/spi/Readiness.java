package dev.ekskit.core.spi;

import dev.ekskit.core.EksKitException;

/** What one check of a resource found: keep waiting, done, or a state it will not leave. */
public sealed interface Readiness<T> {
  String status();

  record Pending<T>(String status) implements Readiness<T> {}

  record Ready<T>(String status, T value) implements Readiness<T> {}

  record Failed<T>(String status, EksKitException error) implements Readiness<T> {}

  static <T> Readiness<T> pending(String status) {
    return new Pending<>(status);
  }

  static <T> Readiness<T> ready(String status, T value) {
    return new Ready<>(status, value);
  }

  static <T> Readiness<T> failed(String status, EksKitException error) {
    return new Failed<>(status, error);
  }
}
