import type { Identity } from "@atelier/internal-auth";
import { AuthenticationError } from "../auth/authentication-error";
import type { CurrentAccessResolver } from "./current-access";

/**
 * A signed-in user's identity as identity holds it now: the token names who, which tenant and
 * which session; the role is the current membership's, and without one there is no tenant. An
 * ended session refuses the token. Delegations resolve their actor themselves.
 */
export async function applyCurrentAccess(identity: Identity, access: CurrentAccessResolver): Promise<Identity> {
  if (identity.kind !== "user" || identity.delegation) return identity;
  const { userId, tenantId, sessionId } = identity;
  const current = await access.resolve({ userId, tenantId, sessionId });
  if (!current.signedIn) throw new AuthenticationError("your session has ended; sign in again");
  const currentTenant = current.role ? tenantId : null;
  if (current.role === identity.role && currentTenant === tenantId) return identity;
  return { ...identity, tenantId: currentTenant, role: current.role };
}
