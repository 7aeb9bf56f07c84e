package dev.ekskit.core.internal;

import java.lang.reflect.Method;
import software.amazon.awssdk.core.SdkRequest;

/** What the AWS SDK's client interfaces implement themselves, for the kit's client proxies. */
final class SdkDefaults {
  private SdkDefaults() {}

  /**
   * Whether {@code method} is one of the interface's own methods that builds its request and calls
   * the request's method back through the proxy: a {@code Consumer<Builder>} overload, a paginator,
   * or an operation without arguments such as {@code describeVpcs()}. The methods that take a
   * request are default methods too, which only throw: those go to the client.
   */
  static boolean buildsItsRequest(Method method, Object[] args) {
    if (!method.isDefault()) {
      return false;
    }
    if (method.getName().endsWith("Paginator")) {
      // Its pages must call back through the proxy, not be kept as one lazy answer.
      return true;
    }
    if (args == null || args.length == 0) {
      String name = method.getName();
      return name.startsWith("describe") || name.startsWith("list") || name.startsWith("get");
    }
    return args.length == 1 && !(args[0] instanceof SdkRequest);
  }
}
