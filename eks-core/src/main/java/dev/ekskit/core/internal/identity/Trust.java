package dev.ekskit.core.internal.identity;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * The trust policies of the roles ekskit makes. Every value put into them is validated first (role
 * names, Kubernetes names) or comes from AWS (provider ARNs, issuer URLs).
 */
final class Trust {
  static final String IRSA_AUDIENCE = "sts.amazonaws.com";

  private Trust() {}

  /** Trusted by an AWS service; {@code tagSession} for services that tag their sessions. */
  static String service(String principal, boolean tagSession) {
    String actions = tagSession ? "[\"sts:AssumeRole\",\"sts:TagSession\"]" : "\"sts:AssumeRole\"";
    return """
           {"Version":"2012-10-17","Statement":[{"Effect":"Allow",\
           "Principal":{"Service":"%s"},"Action":%s}]}"""
        .formatted(principal, actions);
  }

  /** What an existing role's trust must name to serve as a role trusted by {@code principal}. */
  static String serviceMarker(String principal) {
    return "\"" + principal + "\"";
  }

  /**
   * Trusted by a cluster's OIDC provider, for web identity tokens of one service account with the
   * STS audience.
   */
  static String webIdentity(String providerArn, String issuerHost, String subject) {
    return """
           {"Version":"2012-10-17","Statement":[{"Effect":"Allow",\
           "Principal":{"Federated":"%s"},"Action":"sts:AssumeRoleWithWebIdentity",\
           "Condition":{"StringEquals":{"%s:sub":"%s","%s:aud":"%s"}}}]}"""
        .formatted(providerArn, issuerHost, subject, issuerHost, IRSA_AUDIENCE);
  }

  /** The {@code sub} claim of a service account's tokens. */
  static String subject(String namespace, String serviceAccount) {
    return "system:serviceaccount:" + namespace + ":" + serviceAccount;
  }

  /** A trust policy as IAM returns it (URL-encoded) in plain JSON. */
  static String decoded(String document) {
    return document == null ? "" : URLDecoder.decode(document, StandardCharsets.UTF_8);
  }
}
