/**
 * The reads that must look across tenants, by name. Every other read of a tenant-scoped table
 * goes through a TenantScope. Adding a purpose here means adding it to packages/db/README.md.
 */
export const CROSS_TENANT_PURPOSES = {
  "sign-in": "find a user and their memberships by e-mail, id token or session before a tenant is chosen",
  "identity-resolution": "turn a credential (API key, session, OIDC subject) into a verified identity",
  "own-memberships": "list the memberships of the signed-in user across tenants",
  "job-claim": "a worker claims the next job of any tenant; it then acts in that job's tenant scope",
  "event-delivery": "the gateway's catch-up reads of stream events, filtered by the subscriber's tenant",
  "tenant-directory": "find a tenant by its public slug (asking to join it, picking a free slug at sign-up)",
  "store-maintenance": "rebuild or sweep a derived store (vector index, stale embeddings) for every tenant at start",
} as const;

export type CrossTenantPurpose = keyof typeof CROSS_TENANT_PURPOSES;

/**
 * Marks a read that deliberately runs outside any tenant scope. It changes nothing at run time;
 * it names the reason, so a reviewer (and `grep crossTenant`) finds every such read.
 */
export function crossTenant<R>(_purpose: CrossTenantPurpose, read: () => Promise<R>): Promise<R> {
  return read();
}
