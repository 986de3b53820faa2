import { fileURLToPath } from "node:url";
import { generatePersistedQueryManifest, type PersistedQueryManifest } from "@apollo/generate-persisted-query-manifest";

const OPERATIONS = fileURLToPath(new URL("../fixtures/storefront-operations/*.graphql", import.meta.url));

/** The storefront fixtures as Apollo's manifest generator writes them (ids: SHA-256 of each body). */
export function storefrontManifest(): Promise<PersistedQueryManifest> {
  return generatePersistedQueryManifest({ documents: [OPERATIONS] }, undefined);
}

export const PUBLISH = `mutation Publish($input: PublishPersistedOperationsInput!) {
  publishPersistedOperations(input: $input) { version { id version status operationCount operations { id name } } }
}`;
export const RETIRE = `mutation Retire($input: RetirePersistedOperationVersionInput!) {
  retirePersistedOperationVersion(input: $input) { version { status retiredAt } }
}`;
export const VERSIONS = `query Versions($app: String!) {
  persistedOperationVersions(app: $app) { edges { node { version status operationCount } } }
}`;
export const USAGE = `query Usage($apiClientId: ID!, $from: DateTime!, $to: DateTime!) {
  persistedOperationUsage(apiClientId: $apiClientId, from: $from, to: $to) {
    operationId operationName calls errors averageLatencyMs maxLatencyMs
  }
}`;
