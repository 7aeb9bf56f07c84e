package dev.ekskit.core.internal.network;

import software.amazon.awssdk.awscore.AwsRequestOverrideConfiguration;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkPlugin;

/**
 * For EC2 creates that take no idempotency token (CreateVpc, CreateSubnet, CreateInternetGateway,
 * AllocateAddress): the SDK must not send them again after an error, because an error may come
 * after EC2 acted, and a second send makes a second VPC, gateway or address (EC2's own guide on
 * idempotency says so). ekskit's step retries them instead, and each attempt first looks for the
 * part by its tags. Throttling, too, is then retried by the step, for as long as the deadline
 * allows.
 */
final class SentOnce {
  private static final SdkPlugin NO_SDK_RETRIES =
      config ->
          config.overrideConfiguration(
              config.overrideConfiguration().toBuilder()
                  .retryStrategy(AwsRetryStrategy.doNotRetry())
                  .build());

  private SentOnce() {}

  static void configure(AwsRequestOverrideConfiguration.Builder override) {
    override.addPlugin(NO_SDK_RETRIES);
  }
}
