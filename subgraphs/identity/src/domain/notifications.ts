import { idCursor, NEWEST_FIRST, type PageArgs, prismaPage, toConnection } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import { requireSignedIn } from "./authorize";
import { audit } from "./record-audit";

export async function listMyNotifications(ctx: IdentityContext, input: PageArgs & { unreadOnly?: boolean | null }) {
  const { userId } = requireSignedIn(ctx);
  const { take, query } = prismaPage(input);
  const rows = await ctx.services.db.notification.findMany({
    where: { userId, ...(input.unreadOnly ? { readAt: null } : {}) },
    orderBy: NEWEST_FIRST,
    ...query,
  });
  return toConnection(rows, take, idCursor);
}

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
    await audit(tx, ctx, {
      tenantId: null,
      action: "notification.mark_read",
      resourceType: "User",
      resourceId: userId,
      changes: { count },
    });
    return { count };
  });
}
