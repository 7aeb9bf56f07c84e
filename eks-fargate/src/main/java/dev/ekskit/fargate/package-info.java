/**
 * Fargate profiles, the pod execution role, and Fargate-only clusters (CoreDNS on Fargate).
 *
 * <pre>{@code
 * FargateProfiles fargate = FargateProfiles.of(kit);
 * fargate.create(spec).join();
 * }</pre>
 *
 * <p>Choices worth knowing:
 *
 * <ul>
 *   <li>Serialization: EKS allows one profile of a cluster in CREATING or DELETING at a time.
 *       Within a kit, changes to one cluster's profiles take turns in call order, in the same line
 *       as the kit's cascade delete ({@code TurnKeys.fargateProfiles}; no thread waits). Across
 *       processes, EKS's 409 "cluster X currently has Fargate profile Y in status CREATING" is
 *       answered by retrying the same request (same client token) with a budget sized for the other
 *       change: {@link dev.ekskit.core.RetrySettings#forResourceInUse()}, backoff growing to 30 s
 *       over about 48 minutes, since a delete has a tail past 20 minutes. Any other 409 means the
 *       profile exists: it is adopted if it matches the spec. Throttling and 5xx are retried by the
 *       engine on budgets of their own.
 *   <li>IAM eventual consistency: a freshly created pod execution role may be refused by EKS for a
 *       short while (InvalidParameterException about the pod execution role or assuming it). The
 *       create treats that refusal as "not yet" for up to three minutes from its first attempt,
 *       then reports it as an {@link dev.ekskit.core.AwsCallException} with EKS's reason. A role
 *       that is really misconfigured therefore fails after three minutes rather than at once.
 *   <li>Private subnets: a subnet is public when its route table (the explicitly associated one,
 *       else the VPC's main table) routes to an {@code igw-} gateway; checked before any mutating
 *       call, naming each public subnet and the table.
 *   <li>Least privilege: the role ekskit creates trusts only {@code eks-fargate-pods.amazonaws.com}
 *       acting for this cluster's Fargate profiles ({@code aws:SourceArn}) and carries only {@code
 *       AmazonEKSFargatePodExecutionRolePolicy}.
 *   <li>Blueprints: a {@link dev.ekskit.fargate.FargateProfileSpec} is a part of a {@link
 *       dev.ekskit.core.ClusterBlueprint} ("fargate profile", with the compute parts). Left out,
 *       its subnets are the private ones of the network the blueprint makes, and its role is {@code
 *       <cluster>-fargate-pods}, made once for the cluster and removed with it. EKS changes nothing
 *       of a profile in place: any other selectors, subnets or role (or a profile stuck in
 *       CREATE_FAILED, DELETING, DELETE_FAILED) is a replacement, refused unless allowed, then a
 *       delete and a create in the cluster's turn. Profiles apply one at a time, in blueprint
 *       order. Tags are not compared, and a profile that matches is adopted without the blueprint's
 *       tag, so removing it from the blueprint leaves it alone.
 *   <li>Tags: profiles, the role and the coredns add-on carry {@code ekskit.dev/managed-by} and
 *       {@code ekskit.dev/cluster}, so that ekskit finds what it made on its own.
 * </ul>
 */
package dev.ekskit.fargate;
