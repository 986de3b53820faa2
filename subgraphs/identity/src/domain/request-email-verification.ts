import { NotFoundError } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import { requireSignedIn } from "./require-signed-in";
import { sendEmailVerification } from "./send-email-verification";

export async function requestEmailVerification(ctx: IdentityContext): Promise<{ ok: boolean }> {
  const { userId } = requireSignedIn(ctx);
  const user = await ctx.services.db.user.findFirst({ where: { id: userId, deletedAt: null } });
  if (!user) throw new NotFoundError("Your account no longer exists.");
  await sendEmailVerification(ctx, user);
  return { ok: true };
}
