import {
  BadUserInputError,
  encodeCursor,
  type PageArgs,
  pageSize,
  prismaKeysetPage,
  requireReader,
  toConnection,
} from "@atelier/subgraph-kit";
import type { Prisma } from "../generated/prisma/client";
import type { CreativeScope } from "../scope/creative-scope";

export function listWorkspaces(scope: CreativeScope, args: PageArgs) {
  const actor = requireReader(scope.actor, "creative");
  return scope.read(({ db: tx }) =>
    prismaKeysetPage(
      tx,
      { table: `creative."workspaces"`, direction: "asc", scope: { tenantId: actor.tenantId } },
      args,
      (page) => tx.workspace.findMany({ where: { tenantId: actor.tenantId }, ...page }),
    ),
  );
}

/** Projects in the given statuses, earliest request first (the seeds' queue-index). */
export function listProductionQueue(scope: CreativeScope, args: PageArgs & { statuses: string[] }) {
  const actor = requireReader(scope.actor, "creative");
  return scope.read(({ db: tx }) =>
    prismaKeysetPage(
      tx,
      { table: `creative."projects"`, column: "requestedAt", direction: "asc", scope: { tenantId: actor.tenantId } },
      args,
      (page) =>
        tx.project.findMany({
          where: { tenantId: actor.tenantId, deletedAt: null, status: { in: args.statuses as never[] } },
          ...page,
        }),
    ),
  );
}

export function listBrandKits(scope: CreativeScope, args: PageArgs) {
  const actor = requireReader(scope.actor, "creative");
  return scope.read(({ db: tx }) =>
    prismaKeysetPage(
      tx,
      { table: `creative."brand_kits"`, direction: "asc", scope: { tenantId: actor.tenantId } },
      args,
      (page) => tx.brandKit.findMany({ where: { tenantId: actor.tenantId }, ...page }),
    ),
  );
}

export function listTemplates(
  scope: CreativeScope,
  args: PageArgs & { category?: string | null; tags?: string[] | null; search?: string | null },
) {
  const actor = requireReader(scope.actor, "creative");
  const where: Prisma.TemplateWhereInput = {
    OR: [{ tenantId: null }, { tenantId: actor.tenantId }],
    ...(args.category ? { category: args.category.toUpperCase() } : {}),
    ...(args.tags?.length ? { tags: { hasEvery: args.tags.map((t) => t.toLowerCase()) } } : {}),
    ...(args.search ? { name: { contains: args.search, mode: "insensitive" } } : {}),
  };
  return scope.read(({ db: tx }) =>
    prismaKeysetPage(tx, { table: `creative."templates"`, direction: "asc" }, args, (page) =>
      tx.template.findMany({ where, ...page }),
    ),
  );
}

/** Newest first. */
export function listGenerationRequests(
  scope: CreativeScope,
  args: PageArgs & { workspaceId: string; status?: string | null },
) {
  const actor = requireReader(scope.actor, "creative");
  return scope.read(({ db: tx }) =>
    prismaKeysetPage(
      tx,
      { table: `creative."generation_requests"`, direction: "desc", scope: { tenantId: actor.tenantId } },
      args,
      (page) =>
        tx.generationRequest.findMany({
          where: {
            tenantId: actor.tenantId,
            workspaceId: args.workspaceId,
            ...(args.status ? { status: args.status as never } : {}),
          },
          ...page,
        }),
    ),
  );
}

/** Newest first. */
export function listCreditTransactions(scope: CreativeScope, args: PageArgs) {
  const actor = requireReader(scope.actor, "creative");
  return scope.read(({ db: tx }) =>
    prismaKeysetPage(
      tx,
      { table: `creative."credit_transactions"`, direction: "desc", scope: { tenantId: actor.tenantId } },
      args,
      (page) => tx.creditTransaction.findMany({ where: { tenantId: actor.tenantId }, ...page }),
    ),
  );
}

export function listUsage(scope: CreativeScope, args: PageArgs) {
  const actor = requireReader(scope.actor, "creative");
  const take = pageSize(args.first);
  let before: bigint | null = null;
  if (args.after) {
    const raw = Buffer.from(args.after, "base64url").toString("utf8");
    if (!/^\d{1,19}$/.test(raw)) throw new BadUserInputError("after: not a cursor of this list");
    before = BigInt(raw);
  }
  return scope.read(async ({ db: tx }) => {
    const rows = await tx.usageLog.findMany({
      where: { tenantId: actor.tenantId, ...(before !== null ? { id: { lt: before } } : {}) },
      orderBy: { id: "desc" },
      take: take + 1,
    });
    return toConnection(rows, take, (row) => encodeCursor([row.id.toString()]));
  });
}

export function listAiModels(scope: CreativeScope, args: PageArgs) {
  const actor = requireReader(scope.actor, "creative");
  return scope.read(({ db: tx }) =>
    prismaKeysetPage(tx, { table: `creative."ai_models"`, direction: "asc" }, args, (page) =>
      tx.aiModel.findMany({ where: { OR: [{ tenantId: null }, { tenantId: actor.tenantId }] }, ...page }),
    ),
  );
}
