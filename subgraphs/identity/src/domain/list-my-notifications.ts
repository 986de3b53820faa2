import { type PageArgs, prismaKeysetPage, requireUser } from "@atelier/subgraph-kit";
import type { AccountScope } from "../scope";

export async function listMyNotifications(scope: AccountScope, input: PageArgs & { unreadOnly?: boolean | null }) {
  const { userId } = requireUser(scope);
  const { db } = scope.services;
  return prismaKeysetPage(
    db,
    { table: `identity."notifications"`, direction: "desc", scope: { userId } },
    input,
    (page) => db.notification.findMany({ where: { userId, ...(input.unreadOnly ? { readAt: null } : {}) }, ...page }),
  );
}
