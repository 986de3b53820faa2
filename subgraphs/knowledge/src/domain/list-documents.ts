import { prismaKeysetPage, requireReader } from "@atelier/subgraph-kit";
import { z } from "zod";
import type { Context } from "../context";
import { DOCUMENT_FIELDS } from "../data/documents";

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
  const scope = ctx.scope();
  requireReader(scope.actor, "knowledge");
  const input = args.parse({ ...raw, first: raw.first ?? undefined });
  const connection = await scope.read(({ db, tenantId }) =>
    prismaKeysetPage(db, { table: `knowledge."Document"`, direction: "desc", scope: { tenantId } }, input, (page) =>
      db.document.findMany({ where: { tenantId, workspaceId: input.workspaceId }, select: DOCUMENT_FIELDS, ...page }),
    ),
  );
  for (const { node } of connection.edges) ctx.loaders.documentById.prime(node.id, node);
  return connection;
}
