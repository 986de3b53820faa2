import { randomUUID } from "node:crypto";
import { ok } from "./client";

const SIGN_UP = `mutation($input: SignUpInput!) {
  signUp(input: $input) { accessToken user { id email fullName } tenant { id slug } }
}`;
const REQUEST_TO_JOIN = `mutation($input: RequestToJoinTenantInput!) { requestToJoinTenant(input: $input) { membership { id } } }`;
const APPROVE = `mutation($input: ApproveMembershipInput!) { approveMembership(input: $input) { membership { id } } }`;
const SWITCH_TENANT = `mutation($input: SwitchTenantInput!) { switchTenant(input: $input) { accessToken } }`;

export interface Person {
  token: string;
  userId: string;
  tenantId: string;
  slug: string;
}

/** A new user owning a new tenant, signed up through the gateway. */
export async function signUpOwner(url: string, name: string): Promise<Person> {
  const suffix = randomUUID().slice(0, 8);
  const data = await ok(url, SIGN_UP, {
    input: {
      email: `${name.toLowerCase()}-${suffix}@example.com`,
      password: "correct horse battery staple",
      fullName: `${name} ${suffix}`,
      tenantName: `${name} studio ${suffix}`,
    },
  });
  const { accessToken, user, tenant } = data.signUp;
  return { token: accessToken, userId: user.id, tenantId: tenant.id, slug: tenant.slug };
}

/**
 * A new user who asked to join `owner`'s tenant, was approved with `role` and switched to it: their
 * access token names that tenant and the role it had when issued.
 */
export async function joinAs(url: string, owner: Person, role: string): Promise<Person & { membershipId: string }> {
  const person = await signUpOwner(url, role);
  const request = await ok(url, REQUEST_TO_JOIN, { input: { tenantSlug: owner.slug } }, person.token);
  const membershipId = request.requestToJoinTenant.membership.id as string;
  await ok(url, APPROVE, { input: { membershipId, role } }, owner.token);
  const switched = await ok(url, SWITCH_TENANT, { input: { tenantId: owner.tenantId } }, person.token);
  return { ...person, token: switched.switchTenant.accessToken, tenantId: owner.tenantId, membershipId };
}
