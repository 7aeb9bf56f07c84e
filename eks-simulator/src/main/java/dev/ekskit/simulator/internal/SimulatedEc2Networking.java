package dev.ekskit.simulator.internal;

import java.util.function.Supplier;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AllocateAddressRequest;
import software.amazon.awssdk.services.ec2.model.AllocateAddressResponse;
import software.amazon.awssdk.services.ec2.model.AssociateRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.AssociateRouteTableResponse;
import software.amazon.awssdk.services.ec2.model.AttachInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.AttachInternetGatewayResponse;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.AuthorizeSecurityGroupIngressResponse;
import software.amazon.awssdk.services.ec2.model.CreateInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.CreateInternetGatewayResponse;
import software.amazon.awssdk.services.ec2.model.CreateNatGatewayRequest;
import software.amazon.awssdk.services.ec2.model.CreateNatGatewayResponse;
import software.amazon.awssdk.services.ec2.model.CreateRouteRequest;
import software.amazon.awssdk.services.ec2.model.CreateRouteResponse;
import software.amazon.awssdk.services.ec2.model.CreateRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.CreateRouteTableResponse;
import software.amazon.awssdk.services.ec2.model.DeleteInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.DeleteInternetGatewayResponse;
import software.amazon.awssdk.services.ec2.model.DeleteNatGatewayRequest;
import software.amazon.awssdk.services.ec2.model.DeleteNatGatewayResponse;
import software.amazon.awssdk.services.ec2.model.DeleteNetworkInterfaceRequest;
import software.amazon.awssdk.services.ec2.model.DeleteNetworkInterfaceResponse;
import software.amazon.awssdk.services.ec2.model.DeleteRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.DeleteRouteTableResponse;
import software.amazon.awssdk.services.ec2.model.DeleteSecurityGroupRequest;
import software.amazon.awssdk.services.ec2.model.DeleteSecurityGroupResponse;
import software.amazon.awssdk.services.ec2.model.DeleteSubnetRequest;
import software.amazon.awssdk.services.ec2.model.DeleteSubnetResponse;
import software.amazon.awssdk.services.ec2.model.DeleteVpcRequest;
import software.amazon.awssdk.services.ec2.model.DeleteVpcResponse;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeAddressesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypeOfferingsRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInstanceTypeOfferingsResponse;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.DescribeInternetGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNatGatewaysRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNatGatewaysResponse;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesRequest;
import software.amazon.awssdk.services.ec2.model.DescribeNetworkInterfacesResponse;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeRequest;
import software.amazon.awssdk.services.ec2.model.DescribeVpcAttributeResponse;
import software.amazon.awssdk.services.ec2.model.DetachInternetGatewayRequest;
import software.amazon.awssdk.services.ec2.model.DetachInternetGatewayResponse;
import software.amazon.awssdk.services.ec2.model.DisassociateRouteTableRequest;
import software.amazon.awssdk.services.ec2.model.DisassociateRouteTableResponse;
import software.amazon.awssdk.services.ec2.model.Ec2Request;
import software.amazon.awssdk.services.ec2.model.ModifySubnetAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifySubnetAttributeResponse;
import software.amazon.awssdk.services.ec2.model.ModifyVpcAttributeRequest;
import software.amazon.awssdk.services.ec2.model.ModifyVpcAttributeResponse;
import software.amazon.awssdk.services.ec2.model.ReleaseAddressRequest;
import software.amazon.awssdk.services.ec2.model.ReleaseAddressResponse;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressRequest;
import software.amazon.awssdk.services.ec2.model.RevokeSecurityGroupIngressResponse;

/**
 * The simulated EC2's networking operations (internet and NAT gateways, Elastic IPs, route tables,
 * attributes, security group rules, deletes, network interfaces, instance type offerings), each a
 * recorded call through the {@link Gateway} to {@link VpcGateways} or {@link VpcNetworking}.
 */
abstract class SimulatedEc2Networking implements Ec2Client {
  private final Gateway gateway;
  private final VpcGateways gateways;
  private final VpcNetworking networking;

  SimulatedEc2Networking(Gateway gateway, VpcGateways gateways, VpcNetworking networking) {
    this.gateway = gateway;
    this.gateways = gateways;
    this.networking = networking;
  }

  @Override
  public CreateInternetGatewayResponse createInternetGateway(CreateInternetGatewayRequest request) {
    return call(
        "CreateInternetGateway",
        request,
        () ->
            CreateInternetGatewayResponse.builder()
                .internetGateway(gateways.createInternetGateway(request))
                .build());
  }

  @Override
  public AttachInternetGatewayResponse attachInternetGateway(AttachInternetGatewayRequest request) {
    return call(
        "AttachInternetGateway",
        request,
        () -> {
          gateways.attachInternetGateway(request);
          return AttachInternetGatewayResponse.builder().build();
        });
  }

  @Override
  public DetachInternetGatewayResponse detachInternetGateway(DetachInternetGatewayRequest request) {
    return call(
        "DetachInternetGateway",
        request,
        () -> {
          gateways.detachInternetGateway(request);
          return DetachInternetGatewayResponse.builder().build();
        });
  }

  @Override
  public DeleteInternetGatewayResponse deleteInternetGateway(DeleteInternetGatewayRequest request) {
    return call(
        "DeleteInternetGateway",
        request,
        () -> {
          gateways.deleteInternetGateway(request.internetGatewayId());
          return DeleteInternetGatewayResponse.builder().build();
        });
  }

  @Override
  public DescribeInternetGatewaysResponse describeInternetGateways(
      DescribeInternetGatewaysRequest request) {
    return call(
        "DescribeInternetGateways",
        request,
        () ->
            DescribeInternetGatewaysResponse.builder()
                .internetGateways(gateways.describeInternetGateways(request))
                .build());
  }

  @Override
  public AllocateAddressResponse allocateAddress(AllocateAddressRequest request) {
    return call("AllocateAddress", request, () -> gateways.allocateAddress(request));
  }

  @Override
  public ReleaseAddressResponse releaseAddress(ReleaseAddressRequest request) {
    return call(
        "ReleaseAddress",
        request,
        () -> {
          gateways.releaseAddress(request.allocationId());
          return ReleaseAddressResponse.builder().build();
        });
  }

  @Override
  public DescribeAddressesResponse describeAddresses(DescribeAddressesRequest request) {
    return call(
        "DescribeAddresses",
        request,
        () ->
            DescribeAddressesResponse.builder()
                .addresses(gateways.describeAddresses(request))
                .build());
  }

  @Override
  public CreateNatGatewayResponse createNatGateway(CreateNatGatewayRequest request) {
    return call(
        "CreateNatGateway",
        request,
        () ->
            CreateNatGatewayResponse.builder()
                .natGateway(gateways.createNatGateway(request))
                .clientToken(request.clientToken())
                .build());
  }

  @Override
  public DeleteNatGatewayResponse deleteNatGateway(DeleteNatGatewayRequest request) {
    return call(
        "DeleteNatGateway",
        request,
        () -> {
          gateways.deleteNatGateway(request.natGatewayId());
          return DeleteNatGatewayResponse.builder().natGatewayId(request.natGatewayId()).build();
        });
  }

  @Override
  public DescribeNatGatewaysResponse describeNatGateways(DescribeNatGatewaysRequest request) {
    return call(
        "DescribeNatGateways",
        request,
        () ->
            DescribeNatGatewaysResponse.builder()
                .natGateways(gateways.describeNatGateways(request))
                .build());
  }

  @Override
  public CreateRouteTableResponse createRouteTable(CreateRouteTableRequest request) {
    return call(
        "CreateRouteTable",
        request,
        () ->
            CreateRouteTableResponse.builder()
                .routeTable(gateways.createRouteTable(request))
                .clientToken(request.clientToken())
                .build());
  }

  @Override
  public CreateRouteResponse createRoute(CreateRouteRequest request) {
    return call(
        "CreateRoute",
        request,
        () -> {
          gateways.createRoute(request);
          return CreateRouteResponse.builder().returnValue(true).build();
        });
  }

  @Override
  public AssociateRouteTableResponse associateRouteTable(AssociateRouteTableRequest request) {
    return call("AssociateRouteTable", request, () -> gateways.associateRouteTable(request));
  }

  @Override
  public DisassociateRouteTableResponse disassociateRouteTable(
      DisassociateRouteTableRequest request) {
    return call(
        "DisassociateRouteTable",
        request,
        () -> {
          gateways.disassociateRouteTable(request.associationId());
          return DisassociateRouteTableResponse.builder().build();
        });
  }

  @Override
  public DeleteRouteTableResponse deleteRouteTable(DeleteRouteTableRequest request) {
    return call(
        "DeleteRouteTable",
        request,
        () -> {
          gateways.deleteRouteTable(request.routeTableId());
          return DeleteRouteTableResponse.builder().build();
        });
  }

  @Override
  public ModifyVpcAttributeResponse modifyVpcAttribute(ModifyVpcAttributeRequest request) {
    return call(
        "ModifyVpcAttribute",
        request,
        () -> {
          networking.modifyVpcAttribute(request);
          return ModifyVpcAttributeResponse.builder().build();
        });
  }

  @Override
  public DescribeVpcAttributeResponse describeVpcAttribute(DescribeVpcAttributeRequest request) {
    return call("DescribeVpcAttribute", request, () -> networking.describeVpcAttribute(request));
  }

  @Override
  public ModifySubnetAttributeResponse modifySubnetAttribute(ModifySubnetAttributeRequest request) {
    return call(
        "ModifySubnetAttribute",
        request,
        () -> {
          networking.modifySubnetAttribute(request);
          return ModifySubnetAttributeResponse.builder().build();
        });
  }

  @Override
  public AuthorizeSecurityGroupIngressResponse authorizeSecurityGroupIngress(
      AuthorizeSecurityGroupIngressRequest request) {
    return call(
        "AuthorizeSecurityGroupIngress",
        request,
        () -> {
          networking.authorizeSecurityGroupIngress(request);
          return AuthorizeSecurityGroupIngressResponse.builder().returnValue(true).build();
        });
  }

  @Override
  public RevokeSecurityGroupIngressResponse revokeSecurityGroupIngress(
      RevokeSecurityGroupIngressRequest request) {
    return call(
        "RevokeSecurityGroupIngress",
        request,
        () -> {
          networking.revokeSecurityGroupIngress(request);
          return RevokeSecurityGroupIngressResponse.builder().returnValue(true).build();
        });
  }

  @Override
  public DeleteSecurityGroupResponse deleteSecurityGroup(DeleteSecurityGroupRequest request) {
    return call(
        "DeleteSecurityGroup",
        request,
        () -> {
          networking.deleteSecurityGroup(request.groupId());
          return DeleteSecurityGroupResponse.builder()
              .returnValue(true)
              .groupId(request.groupId())
              .build();
        });
  }

  @Override
  public DeleteSubnetResponse deleteSubnet(DeleteSubnetRequest request) {
    return call(
        "DeleteSubnet",
        request,
        () -> {
          networking.deleteSubnet(request.subnetId());
          return DeleteSubnetResponse.builder().build();
        });
  }

  @Override
  public DeleteVpcResponse deleteVpc(DeleteVpcRequest request) {
    return call(
        "DeleteVpc",
        request,
        () -> {
          networking.deleteVpc(request.vpcId());
          return DeleteVpcResponse.builder().build();
        });
  }

  @Override
  public DescribeNetworkInterfacesResponse describeNetworkInterfaces(
      DescribeNetworkInterfacesRequest request) {
    return call(
        "DescribeNetworkInterfaces",
        request,
        () ->
            DescribeNetworkInterfacesResponse.builder()
                .networkInterfaces(networking.describeNetworkInterfaces(request))
                .build());
  }

  @Override
  public DeleteNetworkInterfaceResponse deleteNetworkInterface(
      DeleteNetworkInterfaceRequest request) {
    return call(
        "DeleteNetworkInterface",
        request,
        () -> {
          networking.deleteNetworkInterface(request.networkInterfaceId());
          return DeleteNetworkInterfaceResponse.builder().build();
        });
  }

  @Override
  public DescribeInstanceTypeOfferingsResponse describeInstanceTypeOfferings(
      DescribeInstanceTypeOfferingsRequest request) {
    return call(
        "DescribeInstanceTypeOfferings",
        request,
        () ->
            DescribeInstanceTypeOfferingsResponse.builder()
                .instanceTypeOfferings(networking.describeInstanceTypeOfferings(request))
                .build());
  }

  private <T> T call(String operation, Ec2Request request, Supplier<T> action) {
    return gateway.call(Service.EC2, operation, request, action);
  }
}
