import { requireUser } from "@atelier/subgraph-kit";
import type { AccountScope } from "../scope";
import { endSession } from "./end-session";

export async function revokeSession(scope: AccountScope, input: { id: string }): Promise<{ revoked: boolean }> {
  requireUser(scope);
  return endSession(scope, input.id, "revoke");
}
