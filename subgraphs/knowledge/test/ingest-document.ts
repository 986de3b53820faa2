import type { Identity } from "@atelier/internal-auth";
import { waitFor } from "@atelier/testing";
import type { KnowledgeSubgraph } from "./fixture";

export const DOCUMENT_FIELDS =
  "id title status error chunkCount chunksEmbedded checksum mimeType workspaceId metadata embeddingModel";

export const CREATE = `mutation($input: CreateDocumentInput!) { createDocument(input: $input) { created document { ${DOCUMENT_FIELDS} } } }`;

/** Creates a text document and waits until it is READY (or FAILED). */
export async function ingest(
  subgraph: Pick<KnowledgeSubgraph, "gql">,
  identity: Identity,
  input: {
    workspaceId: string;
    title: string;
    text?: string;
    contentBase64?: string;
    mimeType?: string;
    metadata?: unknown;
  },
) {
  const res = await subgraph.gql(identity, CREATE, { input: { mimeType: "text/plain", ...input } });
  if (res.errors) throw new Error(JSON.stringify(res.errors));
  return settled(subgraph, identity, res.data!.createDocument.document.id as string, 60_000);
}

/** The document once ingestion is over, READY or FAILED. */
export function settled(subgraph: Pick<KnowledgeSubgraph, "gql">, identity: Identity, id: string, timeoutMs = 30_000) {
  return waitFor(
    async () => {
      const r = await subgraph.gql(identity, `query($id: ID!) { document(id: $id) { ${DOCUMENT_FIELDS} } }`, { id });
      const doc = r.data?.document;
      return doc && (doc.status === "READY" || doc.status === "FAILED") ? doc : null;
    },
    timeoutMs,
    `document ${id} to settle`,
  );
}
