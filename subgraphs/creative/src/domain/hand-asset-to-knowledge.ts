import { GatewayRequestError } from "@atelier/gateway-client";
import {
  type Actor,
  BadUserInputError,
  DomainError,
  delegatedActorOf,
  NotFoundError,
  requireWriter,
} from "@atelier/subgraph-kit";
import { createAssetStore } from "../data/asset-store";
import type { CreativeScope } from "../scope/creative-scope";
import { canSeeAsset } from "./can-see-asset";

/** What knowledge ingests (its own list decides; this one only fails early with a clear message). */
const DOCUMENT_TYPES = [
  "application/pdf",
  "text/plain",
  "text/markdown",
  "text/html",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
];

const CREATE_DOCUMENT = `mutation CreativeHandsAssetToKnowledge($input: CreateDocumentFromAssetInput!) {
  createDocumentFromAsset(input: $input) { created document { id status } }
}`;

interface Handed {
  createDocumentFromAsset: { created: boolean; document: { id: string; status: string } };
}

/** Knowledge's refusal keeps its code when the caller can act on it; an outage says to try again. */
function handoffFailure(error: GatewayRequestError): DomainError {
  if (["BAD_USER_INPUT", "NOT_FOUND", "FORBIDDEN"].includes(error.code)) {
    return new DomainError(error.code, `Knowledge did not take the asset: ${error.message}`);
  }
  if (error.retryable) {
    return new DomainError("SERVICE_UNAVAILABLE", `Knowledge could not be reached (${error.code}); try again.`, {
      retryable: true,
    });
  }
  return new DomainError(
    "KNOWLEDGE_HANDOFF_FAILED",
    `Knowledge did not take the asset: ${error.code}: ${error.message}`,
  );
}

/** The asset, if the actor may hand it over: visible to them, a document type, with uploaded bytes. */
async function documentAsset(scope: CreativeScope, actor: Actor, assetId: string) {
  return scope.read(async (scoped) => {
    const asset = await createAssetStore(scoped).findLive(assetId);
    if (!asset || !canSeeAsset(actor, asset)) throw new NotFoundError(`Asset ${assetId} not found.`);
    if (!DOCUMENT_TYPES.includes(asset.mimeType)) {
      throw new BadUserInputError(`Only documents can be ingested by knowledge, not ${asset.mimeType}.`);
    }
    const uploaded = await createAssetStore(scoped).countReadyVersions(assetId);
    if (uploaded === 0)
      throw new BadUserInputError("The asset has no uploaded version yet: complete its upload first.");
    return asset;
  });
}

/**
 * Hands a document asset to knowledge: knowledge's `createDocumentFromAsset` is called through
 * the gateway as the caller (a delegation naming only that field), so knowledge applies its own
 * rules and reads the asset back as them. The hand-off time is kept on the asset and an audit
 * event `asset.knowledge_handoff` names the document.
 */
export async function handAssetToKnowledge(scope: CreativeScope, input: { assetId: string }) {
  requireWriter(scope.actor, "creative");
  const { actor } = scope;
  const asset = await documentAsset(scope, actor, input.assetId);
  const { gateway } = scope.services;
  if (!gateway)
    throw new DomainError("SERVICE_UNAVAILABLE", "Creative cannot reach knowledge here: no gateway credentials.");
  let handed: Handed;
  try {
    handed = await gateway.request<Handed>({
      actor: delegatedActorOf(actor),
      fields: ["Mutation.createDocumentFromAsset"],
      query: CREATE_DOCUMENT,
      variables: { input: { assetId: asset.id } },
    });
  } catch (error) {
    if (!(error instanceof GatewayRequestError)) throw error;
    scope.services.log.warn(
      { err: error, assetId: asset.id, requestId: actor.requestId },
      "handing an asset to knowledge failed",
    );
    throw handoffFailure(error);
  }
  const { document, created } = handed.createDocumentFromAsset;
  return scope.write(async (scoped) => {
    const tx = scoped.db;
    const updated = await tx.asset.update({ where: { id: asset.id }, data: { knowledgeHandoffAt: new Date() } });
    scoped.audit({
      action: "asset.knowledge_handoff",
      resourceType: "Asset",
      resourceId: asset.id,
      changes: { mimeType: asset.mimeType, documentId: document.id, created },
    });
    return updated;
  });
}
