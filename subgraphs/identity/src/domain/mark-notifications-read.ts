import type { IdentityContext } from "../context";
import { recordAudit } from "./record-audit";
import { requireSignedIn } from "./require-signed-in";

export async function markNotificationsRead(
  ctx: IdentityContext,
  input: { ids: string[] },
): Promise<{ count: number }> {
  const { userId } = requireSignedIn(ctx);
  return ctx.services.db.$transaction(async (tx) => {
    const { count } = await tx.notification.updateMany({
      where: { id: { in: input.ids }, userId, readAt: null },
      data: { readAt: new Date() },
    });
    await recordAudit(tx, ctx, {
      tenantId: null,
      action: "notification.mark_read",
      resourceType: "User",
      resourceId: userId,
      changes: { count },
    });
    return { count };
  });
}
