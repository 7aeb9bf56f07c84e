package dev.ekskit.core.internal;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Properties;
import software.amazon.awssdk.awscore.AwsRequest;
import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.core.ApiName;
import software.amazon.awssdk.core.SdkClient;

/**
 * ekskit's name in the user agent of every request: {@code ekskit/<version>}, as the S3 encryption
 * client does it. Clients the kit makes carry it in their configuration; clients given to the kit
 * are wrapped so that each request carries it.
 */
final class UserAgent {
  static final ApiName API_NAME = ApiName.builder().name("ekskit").version(version()).build();

  /** The same for a client's configuration, as {@code name/version}. */
  static final String SUFFIX = API_NAME.name() + "/" + API_NAME.version();

  private UserAgent() {}

  /** {@code client} behind a proxy of {@code type} that adds the API name to every request. */
  static <T extends SdkClient> T wrap(Class<T> type, T client) {
    if (Proxy.isProxyClass(client.getClass())
        && Proxy.getInvocationHandler(client) instanceof Tagging) {
      return client;
    }
    return type.cast(
        Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, new Tagging(client)));
  }

  private record Tagging(Object target) implements InvocationHandler {
    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (args != null && args.length == 1 && args[0] instanceof AwsRequest request) {
        args = new Object[] {tagged(request)};
      } else if (SdkDefaults.buildsItsRequest(method, args)) {
        return InvocationHandler.invokeDefault(proxy, method, args);
      }
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }

    private static AwsRequest tagged(AwsRequest request) {
      AwsRequestOverrideConfiguration.Builder override =
          request
              .overrideConfiguration()
              .map(AwsRequestOverrideConfiguration::toBuilder)
              .orElseGet(AwsRequestOverrideConfiguration::builder);
      return request.toBuilder()
          .overrideConfiguration(override.addApiName(API_NAME).build())
          .build();
    }
  }

  private static String version() {
    try (InputStream in =
        UserAgent.class.getResourceAsStream("/dev/ekskit/core/version.properties")) {
      Properties properties = new Properties();
      if (in != null) {
        properties.load(in);
      }
      String version = properties.getProperty("version", "");
      return version.isEmpty() || version.startsWith("${") ? "dev" : version;
    } catch (IOException e) {
      return "dev";
    }
  }
}
