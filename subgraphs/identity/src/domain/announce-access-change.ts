import type { IdentityServices } from "../context";

/** The bus channel gateways listen on to drop cached access and re-check open subscriptions. */
export const ACCESS_CHANGES_CHANNEL = "access_changes";

/**
 * Whose access changed: one user's (a membership, a session), everyone's in a tenant, or one API
 * client's (revoked, secret rotated, scopes changed); the client's tenant tells gateways which open
 * subscriptions to re-check, not that the tenant's memberships changed.
 */
export type AccessChange = { userId: string } | { tenantId: string } | { apiClientId: string; tenantId: string };

/**
 * Tells every gateway, after commit, that someone's membership or sessions changed, so a removed
 * member or an ended session loses access at once; the gateway's 15 s cache covers a lost notice
 * (30 s for an API key's verification).
 */
export async function announceAccessChange(services: IdentityServices, change: AccessChange): Promise<void> {
  try {
    await services.bus.publish(ACCESS_CHANGES_CHANNEL, change);
  } catch (error) {
    services.log.warn({ err: error, ...change }, "could not announce an access change");
  }
}
