import type { IdentityContext } from "../context";
import { endSession } from "./end-session";

export function revokeSession(ctx: IdentityContext, input: { id: string }): Promise<{ revoked: boolean }> {
  return endSession(ctx, input.id, "revoke");
}
