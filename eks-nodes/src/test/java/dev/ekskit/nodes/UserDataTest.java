package dev.ekskit.nodes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ekskit.core.InvalidSpecException;
import jakarta.mail.BodyPart;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;
import org.yaml.snakeyaml.Yaml;

class UserDataTest {
  private static final String ENDPOINT = "https://ABCDEF0123456789.gr7.eu-west-1.eks.amazonaws.com";
  private static final String CA = "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0tCk1JSUM=";

  private static NodeBootstrap.Builder boot() {
    return NodeBootstrap.builder()
        .clusterName("orders")
        .apiServerEndpoint(ENDPOINT)
        .certificateAuthority(CA)
        .serviceIpv4Cidr("10.100.0.0/16")
        .putLabels("workload", "general")
        .putLabels("node.kubernetes.io/pool", "blue")
        .addTaints(
            NodeTaint.of("dedicated", "batch", NodeTaint.Effect.NO_SCHEDULE),
            NodeTaint.of("spot", NodeTaint.Effect.PREFER_NO_SCHEDULE))
        .maxPods(58);
  }

  @ParameterizedTest
  @EnumSource(
      value = AmiFamily.class,
      names = {"AMAZON_LINUX_2", "AMAZON_LINUX_2023", "BOTTLEROCKET", "WINDOWS_SERVER_2022"})
  void render_eachFamily_matchesGoldenFile(AmiFamily family) throws IOException {
    NodeBootstrap.Builder builder = boot();
    if (family != AmiFamily.BOTTLEROCKET) {
      builder.addPreBootstrapCommands("echo ready > /tmp/pre-bootstrap");
    }

    assertThat(UserData.render(family, builder.build())).isEqualTo(golden(family));
  }

  @Test
  void render_al2023_isMimeMultipartWithNodeConfigYaml() throws Exception {
    String text =
        UserData.render(
            AmiFamily.AMAZON_LINUX_2023, boot().addPreBootstrapCommands("echo hi").build());

    MimeMessage message =
        new MimeMessage(
            Session.getInstance(new Properties()),
            new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)));
    MimeMultipart parts = (MimeMultipart) message.getContent();
    assertThat(parts.getCount()).isEqualTo(2);
    assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/x-shellscript");
    BodyPart nodeConfig = parts.getBodyPart(1);
    assertThat(nodeConfig.getContentType()).isEqualTo("application/node.eks.aws");
    String yaml;
    try (InputStream in = nodeConfig.getInputStream()) {
      yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Map<String, Object> doc = new Yaml().load(yaml);
    assertThat(doc)
        .containsEntry("apiVersion", "node.eks.aws/v1alpha1")
        .containsEntry("kind", "NodeConfig");
    Map<String, Object> spec = map(doc.get("spec"));
    assertThat(map(spec.get("cluster")))
        .containsEntry("name", "orders")
        .containsEntry("apiServerEndpoint", ENDPOINT)
        .containsEntry("certificateAuthority", CA)
        .containsEntry("cidr", "10.100.0.0/16");
    Map<String, Object> kubelet = map(spec.get("kubelet"));
    assertThat(map(kubelet.get("config")))
        .containsEntry("clusterDNS", List.of("10.100.0.10"))
        .containsEntry("maxPods", 58);
    assertThat(kubelet.get("flags"))
        .isEqualTo(
            List.of(
                "--node-labels=workload=general,node.kubernetes.io/pool=blue",
                "--register-with-taints=dedicated=batch:NoSchedule,spot:PreferNoSchedule"));
  }

  @Test
  void render_bottlerocket_isTomlWithQuotedDottedKeys() {
    TomlParseResult toml = Toml.parse(UserData.render(AmiFamily.BOTTLEROCKET, boot().build()));

    assertThat(toml.errors()).isEmpty();
    assertThat(toml.getString("settings.kubernetes.cluster-name")).isEqualTo("orders");
    assertThat(toml.getString("settings.kubernetes.api-server")).isEqualTo(ENDPOINT);
    assertThat(toml.getString("settings.kubernetes.cluster-certificate")).isEqualTo(CA);
    assertThat(toml.getString("settings.kubernetes.cluster-dns-ip")).isEqualTo("10.100.0.10");
    assertThat(toml.getLong("settings.kubernetes.max-pods")).isEqualTo(58L);
    var labels = toml.getTable("settings.kubernetes.node-labels");
    assertThat(labels.getString(List.of("node.kubernetes.io/pool"))).isEqualTo("blue");
    var taints = toml.getTable("settings.kubernetes.node-taints");
    assertThat(taints.getArray(List.of("dedicated")).getString(0)).isEqualTo("batch:NoSchedule");
    assertThat(taints.getArray(List.of("spot")).getString(0)).isEqualTo(":PreferNoSchedule");
  }

  @Test
  void render_bottlerocketWithShellCommands_refused() {
    NodeBootstrap withShell = boot().addPreBootstrapCommands("echo hi").build();

    assertThatThrownBy(() -> UserData.render(AmiFamily.BOTTLEROCKET, withShell))
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e -> assertThat(e.violations().get(0).rule()).isEqualTo("bottlerocket-no-shell"));
  }

  @Test
  void preBootstrapOnly_amazonLinux_isMimeWithOneShellPart() throws Exception {
    String text =
        UserData.preBootstrapOnly(
            AmiFamily.AMAZON_LINUX_2023, List.of("sysctl -w vm.max_map_count=262144"));

    assertThat(text).isEqualTo(golden("pre_bootstrap_only"));
    MimeMultipart parts =
        (MimeMultipart)
            new MimeMessage(
                    Session.getInstance(new Properties()),
                    new ByteArrayInputStream(text.getBytes(StandardCharsets.US_ASCII)))
                .getContent();
    assertThat(parts.getCount()).isEqualTo(1);
    assertThat(parts.getBodyPart(0).getContentType()).startsWith("text/x-shellscript");
  }

  @Test
  void preBootstrapOnly_windows_isPowershellBlock() {
    assertThat(UserData.preBootstrapOnly(AmiFamily.WINDOWS_SERVER_2022, List.of("Write-Host hi")))
        .isEqualTo("<powershell>\nWrite-Host hi\n</powershell>\n");
  }

  @Test
  void preBootstrapOnly_bottlerocketOrMultiline_refused() {
    assertThatThrownBy(() -> UserData.preBootstrapOnly(AmiFamily.BOTTLEROCKET, List.of("echo")))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("bottlerocket-no-shell");
    assertThatThrownBy(() -> UserData.preBootstrapOnly(AmiFamily.AMAZON_LINUX_2, List.of("a\nb")))
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("commands[0]");
  }

  @Test
  void build_badCommand_namesTheFieldButNeverShowsTheCommand() {
    String secret = "export TOKEN=s3cr3t\ncurl -H \"$TOKEN\"";

    assertThatThrownBy(() -> boot().addPreBootstrapCommands(secret).build())
        .isInstanceOf(InvalidSpecException.class)
        .hasMessageContaining("preBootstrapCommands[0]")
        .hasMessageNotContaining("s3cr3t");
  }

  @Test
  void dnsClusterIp_serviceRange_isItsTenthAddress() {
    assertThat(boot().serviceIpv4Cidr("172.20.0.0/16").build().dnsClusterIp())
        .isEqualTo("172.20.0.10");
    assertThat(boot().serviceIpv4Cidr("10.100.0.0/16").build().dnsClusterIp())
        .isEqualTo("10.100.0.10");
  }

  @Test
  void build_injectionAttempts_refusedPerField() {
    assertThatThrownBy(
            () ->
                boot()
                    .putLabels("app", "x' ; rm -rf /")
                    .apiServerEndpoint("http://plain")
                    .certificateAuthority("not base64!")
                    .serviceIpv4Cidr("10.0.0.0")
                    .build())
        .isInstanceOfSatisfying(
            InvalidSpecException.class,
            e ->
                assertThat(e.violations())
                    .extracting(v -> v.field())
                    .contains(
                        "labels[app]",
                        "apiServerEndpoint",
                        "certificateAuthority",
                        "serviceIpv4Cidr"));
  }

  @Test
  void base64_roundTrips() {
    String text = UserData.render(AmiFamily.AMAZON_LINUX_2, boot().build());

    assertThat(
            new String(Base64.getDecoder().decode(UserData.base64(text)), StandardCharsets.UTF_8))
        .isEqualTo(text);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  private static String golden(AmiFamily family) throws IOException {
    return golden(family.name().toLowerCase(java.util.Locale.ROOT));
  }

  private static String golden(String name) throws IOException {
    try (InputStream in = UserDataTest.class.getResourceAsStream("/userdata/" + name + ".golden")) {
      assertThat(in).as("golden file " + name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
