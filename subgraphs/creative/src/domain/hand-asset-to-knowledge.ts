import { BadUserInputError, NotFoundError } from "@atelier/subgraph-kit";
import type { Context } from "../context";
import { canSeeAsset } from "../data/asset-visibility";
import { audit, inTenant, writerOf } from "./scope";

const DOCUMENT_TYPES = [
  "application/pdf",
  "text/plain",
  "text/markdown",
  "application/json",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
];

/**
 * Records the intent to ingest a document asset into knowledge (the seam to the knowledge
 * subgraph): the time is kept on the asset and an audit event `asset.knowledge_handoff` is
 * written. Knowledge does not consume it yet.
 */
export function handAssetToKnowledge(ctx: Context, input: { assetId: string }) {
  const actor = writerOf(ctx.identity);
  return inTenant(ctx.services, actor.tenantId, async (tx) => {
    const asset = await tx.asset.findFirst({ where: { id: input.assetId, tenantId: actor.tenantId, deletedAt: null } });
    if (!asset || !canSeeAsset(actor, asset)) throw new NotFoundError(`Asset ${input.assetId} not found.`);
    if (!DOCUMENT_TYPES.includes(asset.mimeType)) {
      throw new BadUserInputError(`Only documents can be ingested by knowledge, not ${asset.mimeType}.`);
    }
    const updated = await tx.asset.update({ where: { id: asset.id }, data: { knowledgeHandoffAt: new Date() } });
    await audit(tx, ctx, {
      tenantId: actor.tenantId,
      action: "asset.knowledge_handoff",
      resourceType: "Asset",
      resourceId: asset.id,
      changes: { mimeType: asset.mimeType },
    });
    return updated;
  });
}
