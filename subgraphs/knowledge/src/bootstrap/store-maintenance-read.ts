/**
 * Marks a read across every tenant made by the vector store's upkeep at start: rebuilding the
 * embedded store from all READY chunks, and finding READY documents embedded with an older model.
 * A purpose `@atelier/db`'s CROSS_TENANT_PURPOSES lacks ("store-maintenance"); this local marker
 * stands in for `crossTenant` until the package names it. Changes nothing at run time.
 */
export function storeMaintenanceRead<R>(read: () => Promise<R>): Promise<R> {
  return read();
}
