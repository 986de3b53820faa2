import { BadUserInputError } from "@atelier/subgraph-kit";
import type { Context } from "../context";
import { TEXT_MIME_TYPES } from "../parsing/supported-types";
import { assertWorkspaceReference } from "./assert-workspace-reference";
import { writer } from "./authorize";
import { createDocumentInput } from "./inputs";
import { storeDocument } from "./store-document";

/** Creates a document from inline content: text for text types, base64 for PDF and DOCX. */
export async function createDocument(ctx: Context, rawInput: unknown) {
  const actor = writer(ctx.identity);
  const input = createDocumentInput.parse(rawInput);
  if (input.text && !TEXT_MIME_TYPES.has(input.mimeType)) {
    throw new BadUserInputError(`text: ${input.mimeType} content must be sent as contentBase64`);
  }
  await assertWorkspaceReference(ctx, actor, input.workspaceId);
  const content = input.text ? new TextEncoder().encode(input.text) : Buffer.from(input.contentBase64!, "base64");
  return storeDocument(ctx, actor, {
    workspaceId: input.workspaceId,
    title: input.title,
    mimeType: input.mimeType,
    content,
    source: { kind: "INLINE" },
    metadata: input.metadata ?? {},
  });
}
