package dev.ekskit.core.internal.network;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SubnetLayoutTest {
  @ParameterizedTest(name = "{0} over {1} zones")
  @CsvSource(
      delimiter = ';',
      value = {
        "192.168.0.0/16; 3; 192.168.0.0/19 192.168.32.0/19 192.168.64.0/19;"
            + " 192.168.96.0/19 192.168.128.0/19 192.168.160.0/19",
        "192.168.0.0/16; 2; 192.168.0.0/19 192.168.32.0/19; 192.168.64.0/19 192.168.96.0/19",
        "10.20.0.0/20; 4; 10.20.0.0/23 10.20.2.0/23 10.20.4.0/23 10.20.6.0/23;"
            + " 10.20.8.0/23 10.20.10.0/23 10.20.12.0/23 10.20.14.0/23",
        "172.16.5.0/24; 2; 172.16.5.0/27 172.16.5.32/27; 172.16.5.64/27 172.16.5.96/27"
      })
  void of_block_publicIAndPrivateIPlusZonesAsEksctl(
      String cidr, int zones, String publicBlocks, String privateBlocks) {
    SubnetLayout layout = SubnetLayout.of(cidr, zones);

    String[] expectedPublic = publicBlocks.split(" ");
    String[] expectedPrivate = privateBlocks.split(" ");
    for (int i = 0; i < zones; i++) {
      assertThat(layout.publicCidr(i)).isEqualTo(expectedPublic[i]);
      assertThat(layout.privateCidr(i)).isEqualTo(expectedPrivate[i]);
    }
    assertThat(layout.blocks()).hasSize(8).doesNotHaveDuplicates();
  }
}
