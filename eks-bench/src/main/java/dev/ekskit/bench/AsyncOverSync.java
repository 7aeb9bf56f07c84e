package dev.ekskit.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import software.amazon.awssdk.services.eks.EksAsyncClient;
import software.amazon.awssdk.services.eks.EksClient;

/**
 * The simulated EKS behind {@link EksAsyncClient}, for the SDK's async waiters: each call runs the
 * synchronous simulated call in the caller's thread and returns its outcome as a completed future.
 */
final class AsyncOverSync {
  private AsyncOverSync() {}

  static EksAsyncClient wrap(EksClient sync) {
    return (EksAsyncClient)
        Proxy.newProxyInstance(
            EksAsyncClient.class.getClassLoader(),
            new Class<?>[] {EksAsyncClient.class},
            (proxy, method, args) -> {
              if (method.isDefault()
                  && args != null
                  && args.length == 1
                  && args[0] instanceof Consumer<?>) {
                // Consumer<Builder> overloads build the request and call back through the proxy.
                return InvocationHandler.invokeDefault(proxy, method, args);
              }
              return switch (method.getName()) {
                case "serviceName" -> sync.serviceName();
                case "close" -> null;
                case "toString" -> "async view of " + sync;
                case "hashCode" -> System.identityHashCode(proxy);
                case "equals" -> proxy == args[0];
                default -> forward(sync, method, args);
              };
            });
  }

  private static CompletableFuture<Object> forward(EksClient sync, Method method, Object[] args) {
    try {
      Method target = EksClient.class.getMethod(method.getName(), method.getParameterTypes());
      return CompletableFuture.completedFuture(target.invoke(sync, args));
    } catch (InvocationTargetException e) {
      return CompletableFuture.failedFuture(e.getCause());
    } catch (ReflectiveOperationException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
