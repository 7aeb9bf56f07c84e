package dev.ekskit.simulator.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateRequest;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateResponse;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateVersionRequest;
import software.amazon.awssdk.services.ec2.model.CreateLaunchTemplateVersionResponse;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.CreateSecurityGroupResponse;
import software.amazon.awssdk.services.ec2.model.CreateSubnetRequest;
import software.amazon.awssdk.services.ec2.model.CreateSubnetResponse;
import software.amazon.awssdk.services.ec2.model.CreateVpcRequest;
import software.amazon.awssdk.services.ec2.model.CreateVpcResponse;
import software.amazon.awssdk.services.ec2.model.DeleteLaunchTemplateRequest;
import software.amazon.awssdk.services.ec2.model.DeleteLaunchTemplateResponse;
import software.amazon.awssdk.services.ec2.model.DeleteLaunchTemplateVersionsRequest;
import software.amazon.awssdk.services.ec2.model.DeleteLaunchTemplateVersionsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeAvailabilityZonesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAvailabilityZonesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeImagesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeImagesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstancesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplateVersionsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplateVersionsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplatesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeLaunchTemplatesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeRouteTablesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSecurityGroupsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeSubnetsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcsResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Request;
import software.amazon.awssdk.services.ec2.model.Image;
import software.amazon.awssdk.services.ec2.model.LaunchTemplateVersion;
import software.amazon.awssdk.services.ec2.model.ModifyLaunchTemplateRequest;
import software.amazon.awssdk.services.ec2.model.ModifyLaunchTemplateResponse;
import software.amazon.awssdk.services.ec2.model.Reservation;

/**
 * {@link Ec2Client} over an {@link Ec2Network}, with the networking operations of {@link
 * SimulatedEc2Networking}; operations it does not simulate answer UnsupportedOperation (see
 * Unmodelled).
 */
public final class SimulatedEc2 extends SimulatedEc2Networking {
  private static final int MAX_VERSIONS_PAGE = 200;

  private final Gateway gateway;
  private final Ec2Network network;
  private final VpcGateways gateways;
  private final LaunchTemplateStore launchTemplates;
  private final AutoScalingStore autoScaling;
  private final AutoModeNodes autoModeNodes;
  private final Supplier<Instant> clock;

  SimulatedEc2(
      Gateway gateway,
      Ec2Network network,
      VpcGateways gateways,
      VpcNetworking networking,
      LaunchTemplateStore launchTemplates,
      AutoScalingStore autoScaling,
      AutoModeNodes autoModeNodes,
      Supplier<Instant> clock) {
    super(gateway, gateways, networking);
    this.gateway = gateway;
    this.network = network;
    this.gateways = gateways;
    this.launchTemplates = launchTemplates;
    this.autoScaling = autoScaling;
    this.autoModeNodes = autoModeNodes;
    this.clock = clock;
  }

  /** The instances of Auto Scaling groups and of EKS Auto Mode, in one reservation on one page. */
  @Override
  public DescribeInstancesResponse describeInstances(DescribeInstancesRequest request) {
    return call(
        "DescribeInstances",
        request,
        () -> {
          autoScaling.settle();
          var instances = new ArrayList<>(autoScaling.ec2Instances(request.filters()));
          instances.addAll(autoModeNodes.ec2Instances(request.filters(), clock.get()));
          return DescribeInstancesResponse.builder()
              .reservations(
                  instances.isEmpty()
                      ? List.of()
                      : List.of(Reservation.builder().instances(instances).build()))
              .build();
        });
  }

  @Override
  public CreateVpcResponse createVpc(CreateVpcRequest request) {
    return call(
        "CreateVpc",
        request,
        () ->
            CreateVpcResponse.builder()
                .vpc(network.createVpc(request.cidrBlock(), request.tagSpecifications()))
                .build());
  }

  @Override
  public CreateSubnetResponse createSubnet(CreateSubnetRequest request) {
    return call(
        "CreateSubnet",
        request,
        () ->
            CreateSubnetResponse.builder()
                .subnet(
                    network.createSubnet(
                        request.vpcId(),
                        request.cidrBlock(),
                        request.availabilityZone(),
                        request.tagSpecifications()))
                .build());
  }

  @Override
  public CreateSecurityGroupResponse createSecurityGroup(CreateSecurityGroupRequest request) {
    return call(
        "CreateSecurityGroup",
        request,
        () -> {
          var group =
              network.createSecurityGroup(
                  request.vpcId(),
                  request.groupName(),
                  request.description(),
                  request.tagSpecifications());
          return CreateSecurityGroupResponse.builder()
              .groupId(group.groupId())
              .securityGroupArn(group.securityGroupArn())
              .build();
        });
  }

  @Override
  public DescribeSubnetsResponse describeSubnets(DescribeSubnetsRequest request) {
    return call(
        "DescribeSubnets",
        request,
        () ->
            DescribeSubnetsResponse.builder()
                .subnets(network.subnets(request.subnetIds(), request.filters()))
                .build());
  }

  @Override
  public DescribeVpcsResponse describeVpcs(DescribeVpcsRequest request) {
    return call(
        "DescribeVpcs",
        request,
        () ->
            DescribeVpcsResponse.builder()
                .vpcs(network.vpcs(request.vpcIds(), request.filters()))
                .build());
  }

  @Override
  public DescribeSecurityGroupsResponse describeSecurityGroups(
      DescribeSecurityGroupsRequest request) {
    return call(
        "DescribeSecurityGroups",
        request,
        () ->
            DescribeSecurityGroupsResponse.builder()
                .securityGroups(
                    network.securityGroups(
                        request.groupIds(), request.groupNames(), request.filters()))
                .build());
  }

  @Override
  public DescribeAvailabilityZonesResponse describeAvailabilityZones(
      DescribeAvailabilityZonesRequest request) {
    return call(
        "DescribeAvailabilityZones",
        request,
        () ->
            DescribeAvailabilityZonesResponse.builder()
                .availabilityZones(network.zones(request.zoneNames(), request.filters()))
                .build());
  }

  /**
   * Each simulated VPC has its main route table, with the local route only, and the tables made for
   * it: a subnet is private unless its table routes to an internet gateway.
   */
  @Override
  public DescribeRouteTablesResponse describeRouteTables(DescribeRouteTablesRequest request) {
    return call(
        "DescribeRouteTables",
        request,
        () ->
            DescribeRouteTablesResponse.builder()
                .routeTables(gateways.describeRouteTables(request))
                .build());
  }

  /** Makes {@code subnetId} public: routed to an internet gateway. Not a recorded call. */
  public void routeToInternet(String subnetId) {
    if (network.subnet(subnetId).isEmpty()) {
      throw new IllegalArgumentException("No subnet " + subnetId);
    }
    gateways.routeToInternet(subnetId);
  }

  /** The EKS-optimized AMIs of {@link PublicAmis}, by id. */
  @Override
  public DescribeImagesResponse describeImages(DescribeImagesRequest request) {
    return call(
        "DescribeImages",
        request,
        () -> {
          List<Image> found = new ArrayList<>();
          for (String id : request.imageIds()) {
            Image image = PublicAmis.INSTANCE.image(id);
            if (image == null) {
              throw Errors.ec2(
                  400, "InvalidAMIID.NotFound", "The image id '[" + id + "]' does not exist");
            }
            found.add(image);
          }
          return DescribeImagesResponse.builder().images(found).build();
        });
  }

  @Override
  public DescribeInstanceTypesResponse describeInstanceTypes(DescribeInstanceTypesRequest request) {
    return call(
        "DescribeInstanceTypes",
        request,
        () ->
            DescribeInstanceTypesResponse.builder()
                .instanceTypes(InstanceTypeCatalog.describe(request.instanceTypesAsStrings()))
                .build());
  }

  @Override
  public CreateLaunchTemplateResponse createLaunchTemplate(CreateLaunchTemplateRequest request) {
    return call(
        "CreateLaunchTemplate",
        request,
        () ->
            CreateLaunchTemplateResponse.builder()
                .launchTemplate(launchTemplates.create(request))
                .build());
  }

  @Override
  public DescribeLaunchTemplatesResponse describeLaunchTemplates(
      DescribeLaunchTemplatesRequest request) {
    return call(
        "DescribeLaunchTemplates",
        request,
        () ->
            DescribeLaunchTemplatesResponse.builder()
                .launchTemplates(
                    launchTemplates.describe(
                        request.launchTemplateIds(),
                        request.launchTemplateNames(),
                        request.filters()))
                .build());
  }

  /**
   * The versions asked for ({@code $Latest}, {@code $Default}, numbers) or between MinVersion and
   * MaxVersion, filtered by {@code image-id}, {@code instance-type} and {@code is-default-version};
   * MaxResults 1 to 200 (default 200) a page.
   */
  @Override
  public DescribeLaunchTemplateVersionsResponse describeLaunchTemplateVersions(
      DescribeLaunchTemplateVersionsRequest request) {
    return call(
        "DescribeLaunchTemplateVersions",
        request,
        () -> {
          int size = request.maxResults() == null ? MAX_VERSIONS_PAGE : request.maxResults();
          if (size < 1 || size > MAX_VERSIONS_PAGE) {
            throw Errors.ec2(
                400,
                "InvalidParameterValue",
                "MaxResults must be between 1 and " + MAX_VERSIONS_PAGE + ": " + size);
          }
          Page<LaunchTemplateVersion> page =
              Page.of(
                  launchTemplates.versions(
                      request.launchTemplateId(),
                      request.launchTemplateName(),
                      request.versions(),
                      request.minVersion(),
                      request.maxVersion(),
                      request.filters()),
                  size,
                  request.nextToken(),
                  () ->
                      Errors.ec2(
                          400, "InvalidPaginationToken", "Invalid token: " + request.nextToken()));
          return DescribeLaunchTemplateVersionsResponse.builder()
              .launchTemplateVersions(page.items())
              .nextToken(page.nextToken())
              .build();
        });
  }

  @Override
  public CreateLaunchTemplateVersionResponse createLaunchTemplateVersion(
      CreateLaunchTemplateVersionRequest request) {
    return call(
        "CreateLaunchTemplateVersion",
        request,
        () ->
            CreateLaunchTemplateVersionResponse.builder()
                .launchTemplateVersion(launchTemplates.createVersion(request))
                .build());
  }

  /** Sets the default version; the template's other settings are not modelled. */
  @Override
  public ModifyLaunchTemplateResponse modifyLaunchTemplate(ModifyLaunchTemplateRequest request) {
    return call(
        "ModifyLaunchTemplate",
        request,
        () ->
            ModifyLaunchTemplateResponse.builder()
                .launchTemplate(launchTemplates.modify(request))
                .build());
  }

  @Override
  public DeleteLaunchTemplateVersionsResponse deleteLaunchTemplateVersions(
      DeleteLaunchTemplateVersionsRequest request) {
    return call(
        "DeleteLaunchTemplateVersions", request, () -> launchTemplates.deleteVersions(request));
  }

  @Override
  public DeleteLaunchTemplateResponse deleteLaunchTemplate(DeleteLaunchTemplateRequest request) {
    return call(
        "DeleteLaunchTemplate",
        request,
        () ->
            DeleteLaunchTemplateResponse.builder()
                .launchTemplate(
                    launchTemplates.delete(
                        request.launchTemplateId(), request.launchTemplateName()))
                .build());
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

  private <T> T call(String operation, Ec2Request request, Supplier<T> action) {
    return gateway.call(Service.EC2, operation, request, action);
  }
}
