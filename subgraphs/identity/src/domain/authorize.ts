import { type Role, roleAtLeast } from "@atelier/internal-auth";
import { ForbiddenError, tenantActor } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import { type IdentityScope, identityScope, type MemberActor } from "./identity-scope";

import { requireSignedIn } from "./require-signed-in";

/**
 * The one place roles are checked, and the way to a member's tenant scope. The role comes from
 * the APPROVED membership as stored now, not from the access token, so a demotion or revocation
 * takes effect at once; the scope is built only after that check, with that role.
 */
export async function authorize(ctx: IdentityContext, required: Role): Promise<IdentityScope> {
  const user = requireSignedIn(ctx);
  if (!user.tenantId) throw new ForbiddenError("Choose a tenant first (switchTenant), or join one.");
  const membership = await ctx.loaders.membershipOf.load(`${user.tenantId}:${user.userId}`);
  if (membership?.status !== "APPROVED") throw new ForbiddenError("You are not a member of this tenant.");
  const tenant = await ctx.loaders.tenantById.load(user.tenantId);
  if (tenant?.status !== "ACTIVE") throw new ForbiddenError("This tenant is suspended or archived.");
  if (!roleAtLeast(membership.role, required)) throw new ForbiddenError(`This needs the ${required} role or higher.`);
  const actor = tenantActor({ ...user, role: membership.role }, ctx.requestId) as MemberActor;
  return identityScope(ctx.services, actor);
}
