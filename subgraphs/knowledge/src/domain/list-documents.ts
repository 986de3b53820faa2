import { requireReader } from "@atelier/subgraph-kit";
import { z } from "zod";
import type { Context } from "../context";
import { createDocumentListStore } from "../data/document-list-store";

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
  const connection = await scope.read((tx) => createDocumentListStore(tx).workspacePage(input.workspaceId, input));
  for (const { node } of connection.edges) ctx.loaders.documentById.prime(node.id, node);
  return connection;
}
