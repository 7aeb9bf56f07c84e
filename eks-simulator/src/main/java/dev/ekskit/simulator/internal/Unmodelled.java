package dev.ekskit.simulator.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkResponse;

/**
 * A simulated client behind its SDK interface, so that an operation the simulation does not model
 * answers as the service would refuse it: the service's own exception type, status 400, error code
 * {@code UnsupportedOperation}, and a message naming the service and the operation. The SDK's
 * interfaces would throw a bare {@link UnsupportedOperationException} from every method a class
 * leaves out, which code under test cannot tell from a bug of its own.
 */
public final class Unmodelled {
  private Unmodelled() {}

  /** {@code client} as {@code type}, naming the service ({@code title}) and operation it lacks. */
  public static <T extends SdkClient> T named(
      Class<T> type, T client, Service service, String title) {
    InvocationHandler handler =
        (proxy, method, args) -> {
          try {
            return method.invoke(client, args);
          } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof UnsupportedOperationException && cause.getMessage() == null) {
              if (!isOperation(method)) {
                throw new UnsupportedOperationException(
                    "The simulated " + title + " client has no " + method.getName() + "()", cause);
              }
              throw Errors.of(
                  service,
                  400,
                  "UnsupportedOperation",
                  "The simulated " + title + " does not model " + operation(method) + " yet");
            }
            throw cause;
          }
        };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }

  /** An AWS operation (answers a response or pages of them), not a client method of the SDK's. */
  private static boolean isOperation(Method method) {
    return SdkResponse.class.isAssignableFrom(method.getReturnType())
        || method.getName().endsWith("Paginator");
  }

  /** {@code describeClusterVersions} → {@code DescribeClusterVersions}. */
  private static String operation(Method method) {
    String name = method.getName().replace("Paginator", "");
    return Character.toUpperCase(name.charAt(0)) + name.substring(1);
  }
}
