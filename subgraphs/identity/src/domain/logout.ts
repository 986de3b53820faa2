import type { IdentityContext } from "../context";
import { endSession } from "./end-session";
import { requireSignedIn } from "./require-signed-in";

export async function logout(ctx: IdentityContext): Promise<{ revoked: boolean }> {
  const { sessionId } = requireSignedIn(ctx);
  // Signed in through an external ID token: there is no Atelier session to end.
  if (!sessionId) return { revoked: false };
  return endSession(ctx, sessionId, "logout");
}
