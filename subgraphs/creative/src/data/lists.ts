import {
  BadUserInputError,
  encodeCursor,
  idCursor,
  type PageArgs,
  pageSize,
  prismaPage,
  STABLE_ORDER,
  toConnection,
} from "@atelier/subgraph-kit";
import type { CreativeServices } from "../context";
import { type Actor, inTenant } from "../domain/scope";
import type { Prisma } from "../generated/prisma/client";

const NEWEST = [{ createdAt: "desc" as const }, { id: "desc" as const }];

export function listWorkspaces(services: CreativeServices, actor: Actor, args: PageArgs) {
  const { take, query } = prismaPage(args);
  return inTenant(services, actor.tenantId, async (tx) =>
    toConnection(
      await tx.workspace.findMany({ where: { tenantId: actor.tenantId }, orderBy: STABLE_ORDER, ...query }),
      take,
      idCursor,
    ),
  );
}

/** Projects in the given statuses, earliest request first (the seeds' queue-index). */
export function listProductionQueue(services: CreativeServices, actor: Actor, args: PageArgs & { statuses: string[] }) {
  const { take, query } = prismaPage(args);
  return inTenant(services, actor.tenantId, async (tx) => {
    const rows = await tx.project.findMany({
      where: { tenantId: actor.tenantId, deletedAt: null, status: { in: args.statuses as never[] } },
      orderBy: [{ requestedAt: "asc" }, { id: "asc" }],
      ...query,
    });
    return toConnection(rows, take, idCursor);
  });
}

export function listBrandKits(services: CreativeServices, actor: Actor, args: PageArgs) {
  const { take, query } = prismaPage(args);
  return inTenant(services, actor.tenantId, async (tx) =>
    toConnection(
      await tx.brandKit.findMany({ where: { tenantId: actor.tenantId }, orderBy: STABLE_ORDER, ...query }),
      take,
      idCursor,
    ),
  );
}

export function listTemplates(
  services: CreativeServices,
  actor: Actor,
  args: PageArgs & { category?: string | null; tags?: string[] | null; search?: string | null },
) {
  const { take, query } = prismaPage(args);
  const where: Prisma.TemplateWhereInput = {
    OR: [{ tenantId: null }, { tenantId: actor.tenantId }],
    ...(args.category ? { category: args.category.toUpperCase() } : {}),
    ...(args.tags?.length ? { tags: { hasEvery: args.tags.map((t) => t.toLowerCase()) } } : {}),
    ...(args.search ? { name: { contains: args.search, mode: "insensitive" } } : {}),
  };
  return inTenant(services, actor.tenantId, async (tx) =>
    toConnection(await tx.template.findMany({ where, orderBy: STABLE_ORDER, ...query }), take, idCursor),
  );
}

export function listGenerationRequests(
  services: CreativeServices,
  actor: Actor,
  args: PageArgs & { workspaceId: string; status?: string | null },
) {
  const { take, query } = prismaPage(args);
  return inTenant(services, actor.tenantId, async (tx) => {
    const rows = await tx.generationRequest.findMany({
      where: {
        tenantId: actor.tenantId,
        workspaceId: args.workspaceId,
        ...(args.status ? { status: args.status as never } : {}),
      },
      orderBy: NEWEST,
      ...query,
    });
    return toConnection(rows, take, idCursor);
  });
}

export function listCreditTransactions(services: CreativeServices, actor: Actor, args: PageArgs) {
  const { take, query } = prismaPage(args);
  return inTenant(services, actor.tenantId, async (tx) =>
    toConnection(
      await tx.creditTransaction.findMany({ where: { tenantId: actor.tenantId }, orderBy: NEWEST, ...query }),
      take,
      idCursor,
    ),
  );
}

export function listUsage(services: CreativeServices, actor: Actor, args: PageArgs) {
  const take = pageSize(args.first);
  let before: bigint | null = null;
  if (args.after) {
    const raw = Buffer.from(args.after, "base64url").toString("utf8");
    if (!/^\d{1,19}$/.test(raw)) throw new BadUserInputError("after: not a cursor of this list");
    before = BigInt(raw);
  }
  return inTenant(services, actor.tenantId, async (tx) => {
    const rows = await tx.usageLog.findMany({
      where: { tenantId: actor.tenantId, ...(before !== null ? { id: { lt: before } } : {}) },
      orderBy: { id: "desc" },
      take: take + 1,
    });
    return toConnection(rows, take, (row) => encodeCursor([row.id.toString()]));
  });
}

export function listAiModels(services: CreativeServices, actor: Actor, args: PageArgs) {
  const { take, query } = prismaPage(args);
  return inTenant(services, actor.tenantId, async (tx) =>
    toConnection(
      await tx.aiModel.findMany({
        where: { OR: [{ tenantId: null }, { tenantId: actor.tenantId }] },
        orderBy: STABLE_ORDER,
        ...query,
      }),
      take,
      idCursor,
    ),
  );
}
