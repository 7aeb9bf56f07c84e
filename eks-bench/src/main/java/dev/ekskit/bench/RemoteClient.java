package dev.ekskit.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.pagination.sync.SdkIterable;

/**
 * A simulated client that answers like one across the network: every AWS call first takes its
 * {@link InjectedLatency}, then {@code onArrival} runs (the request reaches the service), then the
 * simulated client answers.
 */
final class RemoteClient implements InvocationHandler {
  private final Object target;
  private final InjectedLatency latency;
  private final Runnable onArrival;

  private RemoteClient(Object target, InjectedLatency latency, Runnable onArrival) {
    this.target = target;
    this.latency = latency;
    this.onArrival = onArrival;
  }

  static <T extends SdkClient> T wrap(
      Class<T> type, T client, InjectedLatency latency, Runnable onArrival) {
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(),
            new Class<?>[] {type},
            new RemoteClient(client, latency, onArrival)));
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (isCall(method, args)) {
      return latency.around(
          () -> {
            onArrival.run();
            return forward(method, args);
          });
    }
    if (method.isDefault() && buildsCalls(method)) {
      // Consumer<Builder> and no-argument overloads and paginators call back through this proxy,
      // so each request they make takes its latency once.
      return InvocationHandler.invokeDefault(proxy, method, args);
    }
    return forward(method, args);
  }

  private static boolean isCall(Method method, Object[] args) {
    return args != null
        && args.length == 1
        && args[0] instanceof SdkRequest
        && SdkResponse.class.isAssignableFrom(method.getReturnType());
  }

  private static boolean buildsCalls(Method method) {
    return SdkResponse.class.isAssignableFrom(method.getReturnType())
        || SdkIterable.class.isAssignableFrom(method.getReturnType());
  }

  private Object forward(Method method, Object[] args) throws Exception {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw (Exception) e.getCause();
    }
  }
}
