import { requireWriter } from "@atelier/subgraph-kit";
import type { Context } from "../context";
import { fetchUri } from "../parsing/fetch-uri";
import { assertWorkspaceReference } from "./assert-workspace-reference";
import { createDocumentFromUriInput } from "./inputs";
import { storeDocument } from "./store-document";

/** Fetches a document over http(s), within the configured size and time limits, and stores it. */
export async function createDocumentFromUri(ctx: Context, rawInput: unknown) {
  const scope = ctx.scope();
  requireWriter(scope.actor, "knowledge");
  const input = createDocumentFromUriInput.parse(rawInput);
  await assertWorkspaceReference(ctx, scope.actor, input.workspaceId);
  const { bytes, mimeType } = await fetchUri(input.uri, ctx.services.config.uriFetch);
  const url = new URL(input.uri);
  return storeDocument(ctx, scope, {
    workspaceId: input.workspaceId,
    title: input.title ?? (decodeURIComponent(url.pathname.split("/").pop() ?? "") || url.hostname),
    mimeType,
    content: bytes,
    source: { kind: "URI", uri: input.uri },
    metadata: input.metadata ?? {},
  });
}
