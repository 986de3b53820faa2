/** Where a version's bytes live in the blob store. */
export function storageKey(tenantId: string, assetId: string, versionNumber: number) {
  return `${tenantId}/${assetId}/v${versionNumber}`;
}
