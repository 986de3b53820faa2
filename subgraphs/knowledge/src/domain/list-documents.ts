import { prismaKeysetPage } from "@atelier/subgraph-kit";
import { z } from "zod";
import type { Context } from "../context";
import { DOCUMENT_FIELDS } from "../data/documents";
import { inTenant } from "../data/in-tenant";
import { readerTenant } from "./authorize";

export interface WorkspaceRef {
  id: string;
}

const args = z.object({
  workspaceId: z.uuid(),
  first: z.number().int().min(1).max(100).default(20),
  after: z.string().max(200).nullish(),
});

/** A workspace's documents in the caller's tenant, newest first, ordered stably by (createdAt, id). */
export async function listWorkspaceDocuments(
  ctx: Context,
  raw: { workspaceId: string; first?: number | null; after?: string | null },
) {
  const tenantId = readerTenant(ctx.identity);
  const input = args.parse({ ...raw, first: raw.first ?? undefined });
  const connection = await inTenant(ctx.services.db, tenantId, (tx) =>
    prismaKeysetPage(tx, { table: `knowledge."Document"`, direction: "desc", scope: { tenantId } }, input, (page) =>
      tx.document.findMany({ where: { tenantId, workspaceId: input.workspaceId }, select: DOCUMENT_FIELDS, ...page }),
    ),
  );
  for (const { node } of connection.edges) ctx.loaders.documentById.prime(node.id, node);
  return connection;
}
