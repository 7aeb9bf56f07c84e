package dev.ekskit.simulator.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.GetParameterRequest;
import software.amazon.awssdk.services.ssm.model.GetParameterResponse;
import software.amazon.awssdk.services.ssm.model.GetParametersRequest;
import software.amazon.awssdk.services.ssm.model.GetParametersResponse;
import software.amazon.awssdk.services.ssm.model.Parameter;
import software.amazon.awssdk.services.ssm.model.ParameterNotFoundException;
import software.amazon.awssdk.services.ssm.model.ParameterType;
import software.amazon.awssdk.services.ssm.model.SsmException;
import software.amazon.awssdk.services.ssm.model.SsmRequest;

/**
 * {@link SsmClient} reading the public EKS AMI parameters of {@link PublicAmis}; other operations
 * answer UnsupportedOperation (see Unmodelled).
 */
public final class SimulatedSsm implements SsmClient {
  private static final int MAX_NAMES = 10;
  private final Gateway gateway;

  public SimulatedSsm(Gateway gateway) {
    this.gateway = gateway;
  }

  @Override
  public GetParameterResponse getParameter(GetParameterRequest request) {
    return call(
        "GetParameter",
        request,
        () -> {
          Parameter found = find(request.name());
          if (found == null) {
            throw Errors.ssm(ParameterNotFoundException.builder(), 400, "ParameterNotFound", null);
          }
          return GetParameterResponse.builder().parameter(found).build();
        });
  }

  @Override
  public GetParametersResponse getParameters(GetParametersRequest request) {
    return call(
        "GetParameters",
        request,
        () -> {
          if (request.names().isEmpty() || request.names().size() > MAX_NAMES) {
            throw Errors.ssm(
                SsmException.builder(),
                400,
                "ValidationException",
                "names must hold 1 to " + MAX_NAMES + " names");
          }
          List<Parameter> found = new ArrayList<>();
          List<String> invalid = new ArrayList<>();
          for (String name : request.names()) {
            Parameter parameter = find(name);
            if (parameter == null) {
              invalid.add(name);
            } else {
              found.add(parameter);
            }
          }
          return GetParametersResponse.builder()
              .parameters(found)
              .invalidParameters(invalid)
              .build();
        });
  }

  private static Parameter find(String name) {
    String value = PublicAmis.INSTANCE.parameter(name);
    return value == null
        ? null
        : Parameter.builder()
            .name(name)
            .value(value)
            .type(ParameterType.STRING)
            .version(1L)
            .build();
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  /**
   * The simulation owns no connection; {@link dev.ekskit.simulator.SimulatedAws#close()} ends it.
   */
  @Override
  public void close() {}

  private <T> T call(String operation, SsmRequest request, Supplier<T> action) {
    return gateway.call(Service.SSM, operation, request, action);
  }
}
