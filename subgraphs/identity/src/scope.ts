import type { Identity } from "@atelier/internal-auth";
import type { BaseContext } from "@atelier/subgraph-kit";
import type { Loaders } from "./data/loaders";
import type { IdentityScope, MemberActor } from "./domain/identity-scope";
import type { IdentityServices } from "./services";

/**
 * What an account operation is given: who calls (signed in or not; guards such as `requireUser`
 * take it), the request, the process's services and the request's loaders. Sign-up, sign-in, the
 * caller's own profile, sessions, memberships and invitations act through it, not in a tenant they
 * are a member of; so do the visibility rules of entity references and nested fields.
 */
export interface AccountScope {
  readonly identity: Identity;
  readonly requestId: string;
  readonly client: BaseContext["client"];
  readonly services: IdentityServices;
  /** Per request: tenant rows in the request's tenant scope, the caller's own memberships across tenants. */
  readonly loaders: Loaders;
}

/**
 * What a member operation is given: the active tenant's scope, built after the APPROVED membership
 * and the tenant's ACTIVE status were read as stored now. `actor.role` (and `actor.identity.role`,
 * which the guards check) is that stored role, never the token's.
 */
export interface MemberScope extends IdentityScope<MemberActor> {
  readonly services: IdentityServices;
  readonly requestId: string;
}
