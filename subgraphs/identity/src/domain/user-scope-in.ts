import type { ScopeActor } from "@atelier/db";
import type { AccountScope } from "../scope";
import { type IdentityScope, identityScope } from "./identity-scope";

/**
 * A user acting toward a tenant they are not (yet) a member of: asking to join, answering an
 * invitation, founding it at sign-up. The caller has checked what entitles them to it.
 */
export function userScopeIn(scope: AccountScope, userId: string, tenantId: string): IdentityScope<ScopeActor> {
  return identityScope(scope.services, { tenantId, actorType: "USER", actorId: userId, requestId: scope.requestId });
}
