package dev.ekskit.simulator.internal;

import java.util.List;
import software.amazon.awssdk.services.eks.model.AuthenticationMode;
import software.amazon.awssdk.services.eks.model.UpdateAccessConfigRequest;

/**
 * EKS's one-way road of authentication modes: CONFIG_MAP, then API_AND_CONFIG_MAP, then API, one
 * step per update; any other change is an InvalidParameterException.
 */
final class AuthenticationModes {
  private static final List<AuthenticationMode> ROAD =
      List.of(
          AuthenticationMode.CONFIG_MAP,
          AuthenticationMode.API_AND_CONFIG_MAP,
          AuthenticationMode.API);

  private AuthenticationModes() {}

  static void requireNextStep(
      AuthenticationMode current, AuthenticationMode target, UpdateAccessConfigRequest request) {
    if (target == null || !ROAD.contains(target)) {
      throw Errors.invalidParameter(
          "Unsupported authentication mode " + request.authenticationModeAsString());
    }
    if (ROAD.indexOf(target) != ROAD.indexOf(current) + 1) {
      throw Errors.invalidParameter(
          "Unsupported authentication mode update from " + current + " to " + target);
    }
  }
}
