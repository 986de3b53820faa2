import type { IdentityServices } from "../context";

export const PERSISTED_OPERATIONS_CHANNEL = "persisted_operations";

/** Tells every gateway to drop its cached lookups, after commit; the gateway's TTL covers a lost notice. */
export async function announcePersistedOperations(
  services: IdentityServices,
  change: { tenantId: string; app: string; version: string; status: string },
): Promise<void> {
  try {
    await services.bus.publish(PERSISTED_OPERATIONS_CHANNEL, change);
  } catch (error) {
    services.log.warn({ err: error, ...change }, "could not announce a persisted-operation change");
  }
}
