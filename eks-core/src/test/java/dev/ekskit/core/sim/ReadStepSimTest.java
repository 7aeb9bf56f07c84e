package dev.ekskit.core.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.AwsCallException;
import dev.ekskit.core.ResourceRef;
import dev.ekskit.core.spi.KitContext;
import dev.ekskit.core.spi.KitModule;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.ec2.Ec2Client;

/** A step of reads ({@code Scope.read}): safe to repeat, and a retry resumes where it failed. */
class ReadStepSimTest extends SimulationTest {
  private final AtomicReference<KitContext> context = new AtomicReference<>();

  @BeforeEach
  void kitWithItsContext() {
    kit.close();
    kit = kitOn(aws, builder -> builder.addModule((KitModule) context::set));
    aws.calls().clear();
  }

  private int readTwoThings() {
    Ec2Client ec2 = context.get().client(Ec2Client.class);
    return ec2.describeVpcs().vpcs().size() + ec2.describeSubnets(r -> {}).subnets().size();
  }

  private <T> T run(Supplier<T> reads, String kind) {
    return context
        .get()
        .start(
            new ResourceRef("test", "reads"),
            null,
            scope -> kind.equals("read") ? scope.read("read", reads) : scope.call("call", reads))
        .join();
  }

  @Test
  void read_retriedAfterAFault_doesNotRepeatTheReadsThatSucceeded() {
    aws.faults().failNext("DescribeSubnets", 500);

    assertThat(run(this::readTwoThings, "read")).isEqualTo(3); // one VPC, two subnets

    assertThat(aws.calls().count("DescribeVpcs")).isEqualTo(1);
    assertThat(aws.calls().count("DescribeSubnets")).isEqualTo(2);
  }

  @Test
  void read_twoSteps_eachReadsAfresh() {
    run(this::readTwoThings, "read");
    run(this::readTwoThings, "read");

    assertThat(aws.calls().count("DescribeVpcs")).isEqualTo(2);
  }

  @Test
  void read_manyReadsUnderThrottlingAndServerErrors_finishesWhereACallStepFails() {
    Supplier<Integer> twentyReads =
        () ->
            IntStream.range(0, 20)
                .map(
                    i ->
                        context
                            .get()
                            .client(Ec2Client.class)
                            .describeVpcs(r -> r.maxResults(5 + i))
                            .vpcs()
                            .size())
                .sum();
    aws.faults().throttle(0.3).serverErrors(0.1, 0);

    assertThat(run(twentyReads, "read")).isEqualTo(20);
    assertThatThrownBy(() -> run(twentyReads, "call")).isInstanceOf(AwsCallException.class);
  }
}
