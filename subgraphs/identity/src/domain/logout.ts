import { requireUser } from "@atelier/subgraph-kit";
import type { AccountScope } from "../scope";
import { endSession } from "./end-session";

export async function logout(scope: AccountScope): Promise<{ revoked: boolean }> {
  const { sessionId } = requireUser(scope);
  // Signed in through an external ID token: there is no Atelier session to end.
  if (!sessionId) return { revoked: false };
  return endSession(scope, sessionId, "logout");
}
