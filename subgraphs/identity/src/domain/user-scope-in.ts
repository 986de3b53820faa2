import type { ScopeActor } from "@atelier/db";
import type { IdentityContext } from "../context";
import { type IdentityScope, identityScope } from "./identity-scope";

/**
 * A user acting toward a tenant they are not (yet) a member of: asking to join, answering an
 * invitation, founding it at sign-up. The caller has checked what entitles them to it.
 */
export function userScopeIn(ctx: IdentityContext, userId: string, tenantId: string): IdentityScope<ScopeActor> {
  return identityScope(ctx.services, { tenantId, actorType: "USER", actorId: userId, requestId: ctx.requestId });
}
