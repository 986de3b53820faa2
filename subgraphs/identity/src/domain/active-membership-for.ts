import { crossTenant } from "@atelier/db";
import type { Db } from "../data/db";
import { createSignInMembershipStore } from "../data/membership-store";

/** The tenant a session acts in: the wanted one if still approved, else the first approved. */
export function activeMembershipFor(db: Db, userId: string, wantedTenantId: string | null) {
  return crossTenant("sign-in", async () => {
    const memberships = createSignInMembershipStore(db);
    const wanted = wantedTenantId ? await memberships.approved(userId, wantedTenantId) : null;
    return wanted ?? (await memberships.firstApproved(userId));
  });
}
