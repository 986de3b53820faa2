/**
 * Every scope an API client may hold. A client reads a subgraph's data with its `:read` scope
 * (or its `:write` scope, which implies reading) and changes it with its `:write` scope; a scope
 * outside this catalogue is refused when the client is created or updated.
 */
export const API_SCOPES = {
  "identity:read": "read the tenant's profile and its members' profiles",
  "creative:read": "read workspaces, projects, assets, brand kits, templates and generations",
  "creative:write": "create and change creative content and start generations",
  "knowledge:read": "read documents and search them",
  "knowledge:write": "create, re-index and delete documents",
  "workflows:read": "read workflows, runs, boards and analytics",
} as const;

export type ApiScope = keyof typeof API_SCOPES;
export type ScopedArea = "identity" | "creative" | "knowledge" | "workflows";

export function isApiScope(scope: string): scope is ApiScope {
  return Object.hasOwn(API_SCOPES, scope);
}

/** Whether the scopes let a client read (`:read` or `:write`) or write (`:write`) an area's data. */
export function scopeAllows(scopes: readonly string[], area: ScopedArea, access: "read" | "write"): boolean {
  return scopes.includes(`${area}:write`) || (access === "read" && scopes.includes(`${area}:read`));
}
