/**
 * npm run pq:publish -- manifest.json --app NAME --version V [--gateway URL] [--token T]
 * Publishes a persisted-operation manifest (Apollo's persisted-query-manifest JSON or GraphQL
 * Codegen's { hash: document } map) through the gateway, which validates every operation against
 * the current supergraph first. Token from --token or ATELIER_TOKEN (a tenant ADMIN's access token).
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";

const PUBLISH = `mutation PublishPersistedOperations($input: PublishPersistedOperationsInput!) {
  publishPersistedOperations(input: $input) {
    version { id version status operationCount publishedAt app { name } }
  }
}`;

interface GraphQLErrorShape {
  message: string;
  extensions?: { code?: string; brokenOperations?: { id: string; name: string | null; error: string }[] };
}

function usage(message: string): never {
  console.error(
    `${message}\nusage: npm run pq:publish -- manifest.json --app NAME --version V [--gateway URL] [--token T]`,
  );
  process.exit(2);
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    app: { type: "string" },
    version: { type: "string" },
    gateway: { type: "string", default: process.env.ATELIER_GATEWAY_URL ?? "http://localhost:4000/graphql" },
    token: { type: "string", default: process.env.ATELIER_TOKEN },
  },
});
const [manifestPath] = positionals;
if (!manifestPath) usage("name the manifest file");
if (!values.app || !values.version) usage("--app and --version are required");
if (!values.token) usage("send an ADMIN access token with --token or ATELIER_TOKEN");

let manifest: unknown;
try {
  manifest = JSON.parse(readFileSync(manifestPath, "utf8"));
} catch (error) {
  usage(`cannot read ${manifestPath} as JSON: ${(error as Error).message}`);
}

// The gateway and identity refuse them too; saying so before any request is kinder.
const operations =
  (manifest as { format?: string }).format === "apollo-persisted-query-manifest"
    ? ((manifest as { operations?: { id?: string; body?: string }[] }).operations ?? []).map((o) => [o.id, o.body])
    : Object.entries(manifest as Record<string, unknown>);
const misnamed = operations.filter(
  ([id, body]) =>
    typeof id !== "string" ||
    typeof body !== "string" ||
    id.replace(/^sha256:/, "") !== createHash("sha256").update(body).digest("hex"),
);
if (misnamed.length > 0) {
  for (const [id] of misnamed) console.error(`  ${String(id)}: the id is not the SHA-256 of the document`);
  usage(`${misnamed.length} operation(s) in ${manifestPath} are not named by their document's SHA-256`);
}

const response = await fetch(values.gateway!, {
  method: "POST",
  headers: { "content-type": "application/json", authorization: `Bearer ${values.token}` },
  body: JSON.stringify({
    query: PUBLISH,
    variables: { input: { app: values.app, version: values.version, manifest } },
  }),
});
const body = (await response.json()) as {
  data?: { publishPersistedOperations?: unknown };
  errors?: GraphQLErrorShape[];
};
if (body.errors?.length) {
  for (const error of body.errors) {
    console.error(`refused (${error.extensions?.code ?? "ERROR"}): ${error.message}`);
    for (const broken of error.extensions?.brokenOperations ?? []) {
      console.error(`  ${broken.name ?? "(anonymous)"} ${broken.id}: ${broken.error}`);
    }
  }
  process.exit(1);
}
console.log(JSON.stringify(body.data?.publishPersistedOperations, null, 2));
