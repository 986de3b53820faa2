import { BadUserInputError, requireWriter } from "@atelier/subgraph-kit";
import { createDocumentInput } from "../inputs/document-inputs";
import { TEXT_MIME_TYPES } from "../parsing/supported-types";
import type { RequestScope } from "../scope";
import { assertWorkspaceReference } from "./assert-workspace-reference";
import { storeDocument } from "./store-document";

/** Creates a document from inline content: text for text types, base64 for PDF and DOCX. */
export async function createDocument(scope: RequestScope, rawInput: unknown) {
  requireWriter(scope.actor, "knowledge");
  const input = createDocumentInput.parse(rawInput);
  if (input.text && !TEXT_MIME_TYPES.has(input.mimeType)) {
    throw new BadUserInputError(`text: ${input.mimeType} content must be sent as contentBase64`);
  }
  await assertWorkspaceReference(scope, input.workspaceId);
  const content = input.text ? new TextEncoder().encode(input.text) : Buffer.from(input.contentBase64!, "base64");
  return storeDocument(scope, {
    workspaceId: input.workspaceId,
    title: input.title,
    mimeType: input.mimeType,
    content,
    source: { kind: "INLINE" },
    metadata: input.metadata ?? {},
  });
}
