package dev.ekskit.core;

import java.util.Objects;

/**
 * A Pod Identity association EKS makes for an add-on: the add-on's Kubernetes service account gets
 * the credentials of an IAM role that trusts {@code pods.eks.amazonaws.com}. The role itself is
 * yours to make (or ekskit's IAM roles); the cluster needs the {@code eks-pod-identity-agent}
 * add-on.
 *
 * <pre>{@code
 * new AddonPodIdentity("ebs-csi-controller-sa", "arn:aws:iam::123456789012:role/ebs-csi")
 * }</pre>
 *
 * @param serviceAccount the add-on's service account, e.g. {@code ebs-csi-controller-sa}
 * @param roleArn the IAM role its pods get
 */
public record AddonPodIdentity(String serviceAccount, String roleArn) {
  public AddonPodIdentity {
    Objects.requireNonNull(serviceAccount, "serviceAccount");
    Objects.requireNonNull(roleArn, "roleArn");
  }
}
