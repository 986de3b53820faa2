import type { VectorScope, VectorSearchOptions } from "./vector-store";

type Condition = { key: string; match: { value: string | boolean } | { any: string[] } };

/** The points of a tenant, or of one of its documents. */
export function scopeFilter(scope: VectorScope): { must: Condition[] } {
  const must: Condition[] = [{ key: "tenant_id", match: { value: scope.tenantId } }];
  if (scope.documentId) must.push({ key: "document_id", match: { value: scope.documentId } });
  return { must };
}

/** What a search may return: the tenant's ready points within the filter; null when nothing can match. */
export function qdrantFilter(options: VectorSearchOptions): { must: Condition[] } | null {
  const filter = scopeFilter({ tenantId: options.tenantId });
  filter.must.push({ key: "ready", match: { value: true } });
  if (options.filter?.workspaceId)
    filter.must.push({ key: "workspace_id", match: { value: options.filter.workspaceId } });
  if (options.filter?.documentIds) {
    if (options.filter.documentIds.length === 0) return null;
    filter.must.push({ key: "document_id", match: { any: options.filter.documentIds } });
  }
  return options.limit < 1 ? null : filter;
}
