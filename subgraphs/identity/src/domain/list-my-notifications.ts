import { type PageArgs, prismaKeysetPage } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import { requireSignedIn } from "./require-signed-in";

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
