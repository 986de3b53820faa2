import { BadUserInputError } from "@atelier/subgraph-kit";
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

const encode = (createdAt: Date, id: string) => Buffer.from(`${createdAt.toISOString()}|${id}`).toString("base64url");

function decode(cursor: string): { createdAt: Date; id: string } {
  const [at, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const createdAt = new Date(at ?? "");
  if (!id || Number.isNaN(createdAt.getTime()) || !z.uuid().safeParse(id).success)
    throw new BadUserInputError("after: not a cursor of this list");
  return { createdAt, id };
}

/** A workspace's documents in the caller's tenant, newest first, ordered stably by (createdAt, id). */
export async function listWorkspaceDocuments(
  ctx: Context,
  raw: { workspaceId: string; first?: number | null; after?: string | null },
) {
  const tenantId = readerTenant(ctx.identity);
  const input = args.parse({ ...raw, first: raw.first ?? undefined });
  const cursor = input.after ? decode(input.after) : null;
  const rows = await inTenant(ctx.services.db, tenantId, (tx) =>
    tx.document.findMany({
      where: {
        tenantId,
        workspaceId: input.workspaceId,
        ...(cursor
          ? { OR: [{ createdAt: { lt: cursor.createdAt } }, { createdAt: cursor.createdAt, id: { lt: cursor.id } }] }
          : {}),
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: input.first + 1,
      select: DOCUMENT_FIELDS,
    }),
  );
  const page = rows.slice(0, input.first);
  for (const doc of page) ctx.loaders.documentById.prime(doc.id, doc);
  const edges = page.map((node) => ({ cursor: encode(node.createdAt, node.id), node }));
  return { edges, pageInfo: { hasNextPage: rows.length > input.first, endCursor: edges.at(-1)?.cursor ?? null } };
}
