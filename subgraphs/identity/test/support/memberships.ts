import type { Role } from "@atelier/internal-auth";
import type { IdentitySubgraph } from "../fixture";
import { type Account, signUpAccount, userIdentity } from "./accounts";

export const MEMBERSHIP_FIELDS = "id role status origin user { id email } tenant { id }";

export const REQUEST_TO_JOIN = `mutation($input: RequestToJoinTenantInput!) { requestToJoinTenant(input: $input) { membership { ${MEMBERSHIP_FIELDS} } } }`;
export const APPROVE = `mutation($input: ApproveMembershipInput!) { approveMembership(input: $input) { membership { ${MEMBERSHIP_FIELDS} } } }`;

export interface Member extends Account {
  membershipId: string;
  /** Identity acting in the owner's tenant with the granted role. */
  inTenant: ReturnType<typeof userIdentity>;
}

/** A new user who asked to join `owner`'s tenant and was approved with `role`. */
export async function addMember(
  h: IdentitySubgraph,
  owner: Account,
  role: Role,
  prefix = role.toLowerCase(),
): Promise<Member> {
  const account = await signUpAccount(h, prefix);
  const request = await h.as(account.identity).gql(REQUEST_TO_JOIN, { input: { tenantSlug: owner.slug } });
  const membershipId = request.data!.requestToJoinTenant.membership.id;
  const approved = await h.as(owner.identity).gql(APPROVE, { input: { membershipId, role } });
  if (approved.errors) throw new Error(`approve failed: ${JSON.stringify(approved.errors)}`);
  return { ...account, membershipId, inTenant: userIdentity(account.userId, owner.tenantId, role, account.sessionId) };
}
