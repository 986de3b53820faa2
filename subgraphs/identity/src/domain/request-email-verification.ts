import { NotFoundError, requireUser } from "@atelier/subgraph-kit";
import type { AccountScope } from "../scope";
import { sendEmailVerification } from "./send-email-verification";

export async function requestEmailVerification(scope: AccountScope): Promise<{ ok: boolean }> {
  const { userId } = requireUser(scope);
  const user = await scope.services.db.user.findFirst({ where: { id: userId, deletedAt: null } });
  if (!user) throw new NotFoundError("Your account no longer exists.");
  await sendEmailVerification(scope, user);
  return { ok: true };
}
