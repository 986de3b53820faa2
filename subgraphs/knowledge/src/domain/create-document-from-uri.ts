import { requireWriter } from "@atelier/subgraph-kit";
import { createDocumentFromUriInput } from "../inputs/document-inputs";
import { fetchUri } from "../parsing/fetch-uri";
import type { RequestScope } from "../scope";
import { assertWorkspaceReference } from "./assert-workspace-reference";
import { storeDocument } from "./store-document";

/** Fetches a document over http(s), within the configured size and time limits, and stores it. */
export async function createDocumentFromUri(scope: RequestScope, rawInput: unknown) {
  requireWriter(scope.actor, "knowledge");
  const input = createDocumentFromUriInput.parse(rawInput);
  await assertWorkspaceReference(scope, input.workspaceId);
  const { bytes, mimeType } = await fetchUri(input.uri, scope.services.config.uriFetch);
  const url = new URL(input.uri);
  return storeDocument(scope, {
    workspaceId: input.workspaceId,
    title: input.title ?? (decodeURIComponent(url.pathname.split("/").pop() ?? "") || url.hostname),
    mimeType,
    content: bytes,
    source: { kind: "URI", uri: input.uri },
    metadata: input.metadata ?? {},
  });
}
