import type { ScopedTx } from "@atelier/db";
import { NotFoundError, type PageArgs, prismaKeysetPage } from "@atelier/subgraph-kit";
import type { GenerationStatus, Prisma } from "../generated/prisma/client";
import type { Db } from "./db";

/** The tenant's generation requests. */
export function createGenerationRequestStore(tx: ScopedTx<Db>) {
  const { db, tenantId } = tx;
  return {
    create(data: Omit<Prisma.GenerationRequestUncheckedCreateInput, "tenantId">) {
      return db.generationRequest.create({ data: { ...data, tenantId } });
    },

    find(id: string) {
      return db.generationRequest.findFirst({ where: { id, tenantId } });
    },

    /** The request, row-locked until the transaction ends: state changes are serialised. */
    async lock(id: string) {
      await db.$queryRaw`SELECT 1 FROM "creative".generation_requests WHERE id = ${id}::uuid AND "tenantId" = ${tenantId}::uuid FOR UPDATE`;
      const request = await db.generationRequest.findFirst({ where: { id, tenantId } });
      if (!request) throw new NotFoundError(`Generation request ${id} not found.`);
      return request;
    },

    byIdempotencyKey(idempotencyKey: string) {
      return db.generationRequest.findUnique({ where: { tenantId_idempotencyKey: { tenantId, idempotencyKey } } });
    },

    /** A workspace's requests, newest first. */
    list(args: PageArgs & { workspaceId: string; status?: string | null }) {
      return prismaKeysetPage(
        db,
        { table: `creative."generation_requests"`, direction: "desc", scope: { tenantId } },
        args,
        (page) =>
          db.generationRequest.findMany({
            where: {
              tenantId,
              workspaceId: args.workspaceId,
              ...(args.status ? { status: args.status as GenerationStatus } : {}),
            },
            ...page,
          }),
      );
    },
  };
}
