package dev.ekskit.nodes.moto;

import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;

/** Answers one operation with 403 AccessDenied before it leaves the client, as IAM would. */
final class AccessDenied implements ExecutionInterceptor {
  private final String operation;

  AccessDenied(String operation) {
    this.operation = operation;
  }

  @Override
  public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
    if (operation.equals(attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME))) {
      throw AwsServiceException.builder()
          .statusCode(403)
          .awsErrorDetails(
              AwsErrorDetails.builder()
                  .errorCode("AccessDenied")
                  .errorMessage("User is not authorized to perform: autoscaling:" + operation)
                  .build())
          .build();
    }
  }
}
