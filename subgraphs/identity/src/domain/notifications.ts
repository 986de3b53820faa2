import { type PageArgs, prismaKeysetPage } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import { requireSignedIn } from "./authorize";
import { audit } from "./record-audit";

export async function listMyNotifications(ctx: IdentityContext, input: PageArgs & { unreadOnly?: boolean | null }) {
  const { userId } = requireSignedIn(ctx);
  const { db } = ctx.services;
  return prismaKeysetPage(
    db,
    { table: `identity."notifications"`, direction: "desc", scope: { userId } },
    input,
    (page) => db.notification.findMany({ where: { userId, ...(input.unreadOnly ? { readAt: null } : {}) }, ...page }),
  );
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
