import { requireReader } from "@atelier/subgraph-kit";
import { z } from "zod";
import { createDocumentListStore } from "../data/document-list-store";
import type { RequestScope } from "../scope";

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
  scope: RequestScope,
  raw: { workspaceId: string; first?: number | null; after?: string | null },
) {
  requireReader(scope.actor, "knowledge");
  const input = args.parse({ ...raw, first: raw.first ?? undefined });
  return scope.read((tx) => createDocumentListStore(tx).workspacePage(input.workspaceId, input));
}
