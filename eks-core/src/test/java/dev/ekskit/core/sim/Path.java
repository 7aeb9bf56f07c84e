package dev.ekskit.core.sim;

import dev.ekskit.core.Operation;
import java.util.concurrent.ExecutionException;

/**
 * The two ways a caller finishes an operation: blocking on the handle, or through its future. Run
 * each scenario through both (published in eks-core's test-jar).
 */
public enum Path {
  SYNC {
    @Override
    public <T> T finish(Operation<T> operation) {
      return operation.join();
    }
  },
  ASYNC {
    @Override
    public <T> T finish(Operation<T> operation) {
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

  public abstract <T> T finish(Operation<T> operation);
}
