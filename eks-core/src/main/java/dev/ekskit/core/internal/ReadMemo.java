package dev.ekskit.core.internal;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import software.amazon.awssdk.core.SdkClient;
import software.amazon.awssdk.core.SdkRequest;

/**
 * The answers of the reads one read-only step made ({@link dev.ekskit.core.spi.Scope#read}), kept
 * for its retries: a step of many reads (a plan, a check against the account) that fails on its
 * ninth read starts again there instead of from its first, so that a step of reads finishes under
 * throttling and faults that would otherwise fail one of its calls almost every time. Every client
 * of a kit answers through it ({@link #wrap}); outside such a step it passes every call through.
 */
final class ReadMemo {
  /** The memo of the read step running on this thread, if any. */
  private static final ThreadLocal<ReadMemo> CURRENT = new ThreadLocal<>();

  private final Map<List<Object>, Object> answers = new ConcurrentHashMap<>();

  /** Runs {@code reads} with this memo answering the reads it makes again. */
  <T> T during(Supplier<T> reads) {
    ReadMemo outer = CURRENT.get();
    CURRENT.set(this);
    try {
      return reads.get();
    } finally {
      if (outer == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(outer);
      }
    }
  }

  /** {@code client} behind a proxy of {@code type} that answers repeated reads from the memo. */
  static <T extends SdkClient> T wrap(Class<T> type, T client) {
    if (Proxy.isProxyClass(client.getClass())
        && Proxy.getInvocationHandler(client) instanceof Remembering) {
      return client;
    }
    return type.cast(
        Proxy.newProxyInstance(
            type.getClassLoader(), new Class<?>[] {type}, new Remembering(client)));
  }

  private record Remembering(Object target) implements InvocationHandler {
    @Override
    public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
      if (SdkDefaults.buildsItsRequest(method, args)) {
        return InvocationHandler.invokeDefault(proxy, method, args);
      }
      ReadMemo memo = CURRENT.get();
      if (memo == null || !isRead(method, args)) {
        return call(method, args);
      }
      List<Object> key = List.of(method.getName(), args[0]);
      Object known = memo.answers.get(key);
      if (known != null) {
        return known;
      }
      Object answer = call(method, args);
      memo.answers.put(key, answer);
      return answer;
    }

    private Object call(Method method, Object[] args) throws Throwable {
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    }

    private static boolean isRead(Method method, Object[] args) {
      String name = method.getName();
      return args != null
          && args.length == 1
          && args[0] instanceof SdkRequest
          && (name.startsWith("describe") || name.startsWith("list") || name.startsWith("get"));
    }
  }
}
