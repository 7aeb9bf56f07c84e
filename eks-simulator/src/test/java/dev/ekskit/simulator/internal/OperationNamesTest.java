package dev.ekskit.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OperationNamesTest {

  @ParameterizedTest
  @CsvSource({
    "CreateNodegroup, CreateNodegroup",
    "CreateOpenIDConnectProvider, CreateOpenIdConnectProvider",
    "ListOpenIDConnectProviderTags, ListOpenIdConnectProviderTags",
    "GetSSHPublicKey, GetSshPublicKey",
    "DeleteSAMLProvider, DeleteSamlProvider",
    "CreateVirtualMFADevice, CreateVirtualMfaDevice",
    "AddClientIDToOpenIDConnectProvider, AddClientIdToOpenIdConnectProvider"
  })
  void javaName_awsName_isTheSdkSpelling(String aws, String sdk) {
    assertThat(OperationNames.javaName(aws)).isEqualTo(sdk);
  }
}
