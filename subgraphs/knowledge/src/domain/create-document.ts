import { BadUserInputError, requireWriter } from "@atelier/subgraph-kit";
import type { Context } from "../context";
import { TEXT_MIME_TYPES } from "../parsing/supported-types";
import { assertWorkspaceReference } from "./assert-workspace-reference";
import { createDocumentInput } from "./inputs";
import { storeDocument } from "./store-document";

/** Creates a document from inline content: text for text types, base64 for PDF and DOCX. */
export async function createDocument(ctx: Context, rawInput: unknown) {
  const scope = ctx.scope();
  requireWriter(scope.actor, "knowledge");
  const input = createDocumentInput.parse(rawInput);
  if (input.text && !TEXT_MIME_TYPES.has(input.mimeType)) {
    throw new BadUserInputError(`text: ${input.mimeType} content must be sent as contentBase64`);
  }
  await assertWorkspaceReference(ctx, scope.actor, input.workspaceId);
  const content = input.text ? new TextEncoder().encode(input.text) : Buffer.from(input.contentBase64!, "base64");
  return storeDocument(ctx, scope, {
    workspaceId: input.workspaceId,
    title: input.title,
    mimeType: input.mimeType,
    content,
    source: { kind: "INLINE" },
    metadata: input.metadata ?? {},
  });
}
