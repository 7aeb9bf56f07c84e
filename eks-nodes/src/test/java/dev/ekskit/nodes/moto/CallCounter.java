package dev.ekskit.nodes.moto;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Records the operation name of every call a client sends, for asserting on AWS traffic. */
final class CallCounter implements ExecutionInterceptor {
  private final List<String> operations = new CopyOnWriteArrayList<>();

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    operations.add(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME));
  }

  List<String> operations() {
    return List.copyOf(operations);
  }

  void reset() {
    operations.clear();
  }
}
