import type { Identity } from "@atelier/internal-auth";
import { waitFor } from "@atelier/testing";
import type { KnowledgeSubgraph } from "./fixture";

export const DOCUMENT_FIELDS =
  "id title status error chunkCount chunksEmbedded checksum mimeType workspaceId metadata embeddingModel";

export const CREATE = `mutation($input: CreateDocumentInput!) { createDocument(input: $input) { created document { ${DOCUMENT_FIELDS} } } }`;

/** Creates a text document and waits until it is READY (or FAILED). */
export async function ingest(
  subgraph: KnowledgeSubgraph,
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
  const id = res.data!.createDocument.document.id as string;
  return waitFor(
    async () => {
      const r = await subgraph.gql(identity, `query($id: ID!) { document(id: $id) { ${DOCUMENT_FIELDS} } }`, { id });
      const doc = r.data?.document;
      return doc && (doc.status === "READY" || doc.status === "FAILED") ? doc : null;
    },
    60_000,
    `document ${id} to finish ingesting`,
  );
}
