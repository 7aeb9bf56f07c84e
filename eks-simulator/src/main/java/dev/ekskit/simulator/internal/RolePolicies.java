package dev.ekskit.simulator.internal;

import java.util.ArrayList;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.DeleteRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.GetRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.GetRolePolicyResponse;
import software.amazon.awssdk.services.iam.model.IamException;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesRequest;
import software.amazon.awssdk.services.iam.model.ListRolePoliciesResponse;
import software.amazon.awssdk.services.iam.model.MalformedPolicyDocumentException;
import software.amazon.awssdk.services.iam.model.PutRolePolicyRequest;
import software.amazon.awssdk.services.iam.model.PutRolePolicyResponse;

/**
 * A role's inline policies as IAM keeps them: put replaces a policy of the same name, a role with
 * any left cannot be deleted, names are listed without their documents.
 */
final class RolePolicies {
  /** IAM's limit on one role's inline policies, all documents together, in characters. */
  private static final int MAX_TOTAL_SIZE = 10_240;

  private final IamState state;

  RolePolicies(IamState state) {
    this.state = state;
  }

  PutRolePolicyResponse put(PutRolePolicyRequest request) {
    IamState.Role role = state.role(request.roleName());
    String document = request.policyDocument();
    if (request.policyName() == null || !request.policyName().matches("[\\w+=,.@-]{1,128}")) {
      throw Errors.iam(
          IamException.builder(),
          400,
          "ValidationError",
          "1 validation error detected: Value at 'policyName' failed to satisfy constraint");
    }
    if (document == null || !document.trim().startsWith("{")) {
      throw Errors.iam(
          MalformedPolicyDocumentException.builder(),
          400,
          "MalformedPolicyDocument",
          "Syntax errors in policy.");
    }
    int others =
        role.inlinePolicies.entrySet().stream()
            .filter(e -> !e.getKey().equals(request.policyName()))
            .mapToInt(e -> e.getValue().length())
            .sum();
    if (others + document.length() > MAX_TOTAL_SIZE) {
      throw Errors.iam(
          IamException.builder(),
          409,
          "LimitExceeded",
          "Maximum policy size of " + MAX_TOTAL_SIZE + " bytes exceeded for role " + role.name);
    }
    role.inlinePolicies.put(request.policyName(), document);
    return PutRolePolicyResponse.builder().build();
  }

  GetRolePolicyResponse get(GetRolePolicyRequest request) {
    IamState.Role role = state.role(request.roleName());
    String document = role.inlinePolicies.get(request.policyName());
    if (document == null) {
      throw notFound(role, request.policyName());
    }
    return GetRolePolicyResponse.builder()
        .roleName(role.name)
        .policyName(request.policyName())
        .policyDocument(document)
        .build();
  }

  ListRolePoliciesResponse list(ListRolePoliciesRequest request) {
    IamState.Role role = state.role(request.roleName());
    Page<String> page =
        IamPaging.page(
            new ArrayList<>(role.inlinePolicies.keySet()), request.maxItems(), request.marker());
    return ListRolePoliciesResponse.builder()
        .policyNames(page.items())
        .isTruncated(page.nextToken() != null)
        .marker(page.nextToken())
        .build();
  }

  DeleteRolePolicyResponse delete(DeleteRolePolicyRequest request) {
    IamState.Role role = state.role(request.roleName());
    if (role.inlinePolicies.remove(request.policyName()) == null) {
      throw notFound(role, request.policyName());
    }
    return DeleteRolePolicyResponse.builder().build();
  }

  private static RuntimeException notFound(IamState.Role role, String policyName) {
    return IamState.noSuchEntity(
        "The role policy with name " + policyName + " cannot be found in role " + role.name + ".");
  }
}
