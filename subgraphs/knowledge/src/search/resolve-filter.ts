import { createDocumentListStore } from "../data/document-list-store";
import type { SemanticSearchInput } from "../inputs/document-inputs";
import type { KnowledgeScope } from "../scope";
import type { VectorSearchFilter } from "../vector-store/vector-store";

/**
 * Turns a search filter into what every ranking can apply inside its own query: a workspace
 * and, when document attributes are filtered (MIME types, metadata, ids), the matching
 * documents of the tenant (looked up in a tenant transaction only then).
 */
export async function resolveFilter(
  scope: KnowledgeScope,
  filter: SemanticSearchInput["filter"],
): Promise<VectorSearchFilter> {
  const workspaceId = filter?.workspaceId ?? undefined;
  if (!filter?.mimeTypes && !filter?.metadata && !filter?.documentIds) return workspaceId ? { workspaceId } : {};
  const documentIds = await scope.read((tx) =>
    createDocumentListStore(tx).readyIdsMatching({ ...filter, workspaceId }),
  );
  return { ...(workspaceId ? { workspaceId } : {}), documentIds };
}
