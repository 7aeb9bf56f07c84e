package dev.ekskit.fargate.sim;

import dev.ekskit.core.Operation;
import java.util.concurrent.ExecutionException;

/** The two ways a caller finishes an operation: blocking on the handle, or through its future. */
enum Path {
  SYNC {
    @Override
    <T> T finish(Operation<T> operation) {
      return operation.join();
    }
  },
  ASYNC {
    @Override
    <T> T finish(Operation<T> operation) {
      try {
        return operation.completionFuture().get();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      } catch (ExecutionException e) {
        throw (RuntimeException) e.getCause();
      }
    }
  };

  abstract <T> T finish(Operation<T> operation);
}
