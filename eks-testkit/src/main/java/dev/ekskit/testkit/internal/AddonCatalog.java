package dev.ekskit.testkit.internal;

import java.util.Map;
import software.amazon.awssdk.services.eks.model.AddonInfo;
import software.amazon.awssdk.services.eks.model.AddonVersionInfo;
import software.amazon.awssdk.services.eks.model.Compatibility;
import software.amazon.awssdk.services.eks.model.DescribeAddonConfigurationResponse;

/** The add-on versions EKS offers and their configuration schemas, as far as tests need them. */
final class AddonCatalog {
  static final Map<String, String> DEFAULT_VERSIONS =
      Map.of(
          "vpc-cni", "v1.19.2-eksbuild.1",
          "coredns", "v1.11.4-eksbuild.2",
          "kube-proxy", "v1.33.0-eksbuild.2",
          "eks-pod-identity-agent", "v1.3.4-eksbuild.1",
          "aws-ebs-csi-driver", "v1.38.1-eksbuild.1");

  /** An excerpt of the real coredns schema: the keys around {@code computeType}. */
  private static final String COREDNS_SCHEMA =
      """
{"$ref":"#/definitions/Coredns","$schema":"http://json-schema.org/draft-06/schema#",\
"definitions":{"Coredns":{"additionalProperties":false,"properties":{\
"affinity":{"default":{},"type":["object","null"]},\
"computeType":{"type":"string"},\
"corefile":{"description":"Entire corefile contents to use with installation","type":"string"},\
"replicaCount":{"type":"integer"},\
"resources":{"$ref":"#/definitions/Resources"},\
"tolerations":{"default":[],"type":"array"}},"title":"Coredns","type":"object"}}}""";

  private AddonCatalog() {}

  static String defaultVersion(String addonName) {
    return DEFAULT_VERSIONS.getOrDefault(addonName, "v1.0.0-eksbuild.1");
  }

  static AddonInfo info(String addonName, String kubernetesVersion) {
    return AddonInfo.builder()
        .addonName(addonName)
        .type("networking")
        .addonVersions(
            AddonVersionInfo.builder()
                .addonVersion(defaultVersion(addonName))
                .compatibilities(
                    Compatibility.builder()
                        .clusterVersion(kubernetesVersion)
                        .defaultVersion(true)
                        .build())
                .build())
        .build();
  }

  static DescribeAddonConfigurationResponse configuration(String addonName, String version) {
    if (!DEFAULT_VERSIONS.containsKey(addonName)) {
      throw Errors.notFound("Addon " + addonName + " with version " + version + " not found");
    }
    return DescribeAddonConfigurationResponse.builder()
        .addonName(addonName)
        .addonVersion(version)
        .configurationSchema(
            addonName.equals("coredns")
                ? COREDNS_SCHEMA
                : "{\"$schema\":\"http://json-schema.org/draft-06/schema#\",\"type\":\"object\"}")
        .build();
  }
}
