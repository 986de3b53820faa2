import { requireUser } from "@atelier/subgraph-kit";
import type { AccountScope } from "../scope";
import { recordAudit } from "./record-audit";

export async function markNotificationsRead(scope: AccountScope, input: { ids: string[] }): Promise<{ count: number }> {
  const { userId } = requireUser(scope);
  return scope.services.db.$transaction(async (tx) => {
    const { count } = await tx.notification.updateMany({
      where: { id: { in: input.ids }, userId, readAt: null },
      data: { readAt: new Date() },
    });
    await recordAudit(tx, scope, {
      tenantId: null,
      action: "notification.mark_read",
      resourceType: "User",
      resourceId: userId,
      changes: { count },
    });
    return { count };
  });
}
