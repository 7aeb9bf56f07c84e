package dev.ekskit.core.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.ekskit.core.EksKit;
import dev.ekskit.testkit.SimulatedAws;
import org.junit.jupiter.api.Test;

class KitAccessTest {
  @Test
  void resources_ofAKit_areTheClientsItWasBuiltWith() {
    try (SimulatedAws aws = SimulatedAws.create();
        EksKit kit =
            EksKit.builder()
                .eksClient(aws.eks())
                .ec2Client(aws.ec2())
                .clock(aws.time().clock())
                .scheduler(aws.time().scheduler())
                .build()) {
      KitResources resources = KitAccess.resources(kit);

      assertThat(resources.eks()).isSameAs(aws.eks());
      assertThat(resources.engine().clock()).isSameAs(aws.time().clock());
    }
  }
}
