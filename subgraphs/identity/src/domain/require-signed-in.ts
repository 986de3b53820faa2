import { ForbiddenError, UnauthenticatedError, type UserIdentity } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";

export function requireSignedIn(ctx: IdentityContext): UserIdentity {
  // An API client is authenticated: what it lacks is the right, not credentials.
  if (ctx.identity.kind === "apiClient") throw new ForbiddenError("API clients cannot do this; sign in as a user.");
  if (ctx.identity.kind !== "user") throw new UnauthenticatedError();
  return ctx.identity;
}
