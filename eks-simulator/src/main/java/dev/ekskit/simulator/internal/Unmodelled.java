package dev.ekskit.simulator.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import software.amazon.awssdk.core.SdkClient;

/**
 * A simulated client behind its SDK interface, so that an operation the simulation does not model
 * says which one it is: the SDK's interfaces throw a bare {@link UnsupportedOperationException}
 * from every method a class leaves out.
 */
public final class Unmodelled {
  private Unmodelled() {}

  /** {@code client} as {@code type}, naming the service and operation it lacks. */
  public static <T extends SdkClient> T named(Class<T> type, T client, String service) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          try {
            return method.invoke(client, args);
          } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnsupportedOperationException && cause.getMessage() == null) {
              throw new UnsupportedOperationException(
                  "The simulated " + service + " does not model " + operation(method) + " yet", cause);
            }
            throw cause;
          }
        };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }

  /** {@code describeClusterVersions} → {@code DescribeClusterVersions}. */
  private static String operation(Method method) {
    String name = method.getName().replace("Paginator", "");
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
