import { z } from "zod";
import { listTenantAuditEvents } from "../../domain/list-tenant-audit-events";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { id, page } from "../validation";

const short = z.string().min(1).max(200, "at most 200 characters").nullish();
const Args = z.object({
  ...page,
  filter: z.object({ actorId: id.nullish(), resourceType: short, resourceId: short, action: short }).nullish(),
});

export const auditEventsResolver: QueryResolvers["auditEvents"] = async (_, args, ctx) => {
  const input = Args.parse(args);
  return listTenantAuditEvents(await ctx.memberScope(), input);
};
