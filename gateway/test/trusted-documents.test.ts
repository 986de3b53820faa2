import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { gql } from "@apollo/client/core";
import { createPersistedQueryLink } from "@apollo/client/link/persisted-queries";
import type { PersistedQueryManifest } from "@apollo/generate-persisted-query-manifest";
import { generatePersistedQueryIdsFromManifest } from "@apollo/persisted-query-lists";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { apolloClient, sha256Hex } from "./support/apollo-client";
import { type IdentityStack, startIdentityStack } from "./support/identity-stack";
import { PUBLISH, RETIRE, storefrontManifest, USAGE, VERSIONS } from "./support/storefront-manifest";

const CATALOG_ITEMS = gql`
  query CatalogItems($first: Int) {
    catalogItems(first: $first) {
      id
      title
    }
  }
`;
const ROOT = fileURLToPath(new URL("../../", import.meta.url));

let stack: IdentityStack;
let admin: Awaited<ReturnType<IdentityStack["signUpAdmin"]>>;
let manifest: PersistedQueryManifest;
beforeAll(async () => {
  stack = await startIdentityStack();
  admin = await stack.signUpAdmin();
  manifest = await storefrontManifest();
  const published = await stack.post(
    { query: PUBLISH, variables: { input: { app: "storefront", version: "1.0.0", manifest } } },
    admin.bearer,
  );
  if (published.body.errors) throw new Error(JSON.stringify(published.body.errors));
}, 120_000);
afterAll(() => stack?.close());

const idOf = (name: string) => manifest.operations.find((o) => o.name === name)!.id;

describe("trusted documents with Apollo Client", () => {
  it("runs operations of a generated manifest by id only, over GET", async () => {
    const partner = await stack.createApiClient(admin, ["storefront"]);
    const ids = generatePersistedQueryIdsFromManifest({ loadManifest: async () => manifest });
    const link = createPersistedQueryLink({ ...ids, useGETForHashedQueries: true });
    const { client, sent } = apolloClient({ url: stack.gateway.url, headers: partner.headers, persistedLink: link });
    const result = await client.query({ query: CATALOG_ITEMS, variables: { first: 3 } });
    expect(result.errors).toBeUndefined();
    expect(result.data.catalogItems).toHaveLength(3);
    expect(sent).toHaveLength(1);
    expect(sent[0]!.method).toBe("GET");
    expect(new URL(sent[0]!.url).searchParams.has("query")).toBe(false);
    expect(sent[0]!.url).toContain(idOf("CatalogItems"));
  });

  it("refuses the same operation sent as a document by an API key", async () => {
    const partner = await stack.createApiClient(admin, ["storefront"]);
    const { client, sent } = apolloClient({ url: stack.gateway.url, headers: partner.headers, persistedLink: null });
    const error = await client.query({ query: CATALOG_ITEMS, variables: { first: 1 } }).catch((e: unknown) => e);
    expect(sent[0]?.body?.query).toContain("catalogItems");
    const { networkError } = error as {
      networkError?: { statusCode?: number; result?: { errors: { extensions: { code: string } }[] } };
    };
    expect(networkError?.statusCode).toBe(400);
    expect(networkError?.result?.errors[0]?.extensions.code).toBe("PERSISTED_QUERY_NOT_ALLOWED");
  });
});

describe("a Codegen-style client with documentId", () => {
  const document = "query CodegenCaller { catalogCaller }";
  const hash = sha256Hex(document);

  it("publishes a Codegen map and runs it by documentId and by extensions.persistedQuery", async () => {
    const input = { app: "mobile", version: "7", manifest: { [hash]: document } };
    const published = await stack.post({ query: PUBLISH, variables: { input } }, admin.bearer);
    expect(published.body.data.publishPersistedOperations.version).toMatchObject({
      status: "ACTIVE",
      operationCount: 1,
    });
    const partner = await stack.createApiClient(admin, ["mobile"]);
    const byDocumentId = await stack.post({ documentId: hash, variables: {} }, partner.headers);
    expect(byDocumentId.body.data.catalogCaller).toBe(`apiClient:${partner.apiClientId}`);
    const byExtension = await stack.post(
      { extensions: { persistedQuery: { version: 1, sha256Hash: hash } } },
      partner.headers,
    );
    expect(byExtension.body.data.catalogCaller).toBe(`apiClient:${partner.apiClientId}`);
  });

  it("answers PERSISTED_QUERY_NOT_FOUND to a client whose apps do not include the operation", async () => {
    const outsider = await stack.createApiClient(admin, ["storefront"]);
    const { body } = await stack.post({ documentId: hash }, outsider.headers);
    expect(body.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });

  it("answers PERSISTED_QUERY_NOT_FOUND to another tenant's client", async () => {
    const otherAdmin = await stack.signUpAdmin("other");
    const other = await stack.createApiClient(otherAdmin, ["mobile", "storefront"]);
    const { body } = await stack.post({ documentId: idOf("CatalogCaller") }, other.headers);
    expect(body.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_FOUND");
  });
});

describe("publishing", () => {
  it("refuses a manifest with an operation that does not validate, naming it, and stores nothing", async () => {
    const broken = {
      format: "apollo-persisted-query-manifest",
      version: 1,
      operations: [
        ...manifest.operations,
        {
          id: sha256Hex("query Broken { catalogNope }"),
          name: "Broken",
          type: "query",
          body: "query Broken { catalogNope }",
        },
      ],
    };
    const { status, body } = await stack.post(
      { query: PUBLISH, variables: { input: { app: "kiosk", version: "1", manifest: broken } } },
      admin.bearer,
    );
    expect(status).toBe(400);
    expect(body.errors[0].extensions.code).toBe("BAD_USER_INPUT");
    expect(body.errors[0].message).toContain("Broken");
    expect(body.errors[0].extensions.brokenOperations).toEqual([
      expect.objectContaining({ name: "Broken", error: expect.stringContaining("catalogNope") }),
    ]);
    const versions = await stack.post({ query: VERSIONS, variables: { app: "kiosk" } }, admin.bearer);
    expect(versions.body.data.persistedOperationVersions.edges).toEqual([]);
  });

  it("refuses a manifest whose id is not the SHA-256 of its document, before identity stores it", async () => {
    const misnamed = { [sha256Hex("query CodegenCaller { catalogCaller }")]: "query Other { catalogCaller }" };
    const { status, body } = await stack.post(
      { query: PUBLISH, variables: { input: { app: "kiosk", version: "2", manifest: misnamed } } },
      admin.bearer,
    );
    expect(status).toBe(400);
    expect(body.errors[0].extensions.brokenOperations).toEqual([
      expect.objectContaining({ error: "the id is not the SHA-256 of the document" }),
    ]);
  });

  it("publishes through the CLI and reports a broken operation by name", async () => {
    const dir = mkdtempSync(join(tmpdir(), "pq-cli-"));
    const good = join(dir, "good.json");
    const bad = join(dir, "bad.json");
    writeFileSync(good, JSON.stringify(manifest));
    writeFileSync(bad, JSON.stringify({ [sha256Hex("query Nope { nope }")]: "query Nope { nope }" }));
    const run = (file: string, version: string) =>
      promisify(execFile)(
        "npx",
        [
          "tsx",
          "scripts/pq-publish.ts",
          file,
          "--app",
          "cli-app",
          "--version",
          version,
          "--gateway",
          stack.gateway.url,
        ],
        {
          cwd: ROOT,
          env: { ...process.env, ATELIER_TOKEN: admin.token },
        },
      );
    const { stdout } = await run(good, "2.0.0");
    expect(JSON.parse(stdout).version).toMatchObject({ version: "2.0.0", status: "ACTIVE", operationCount: 3 });
    const failure = await run(bad, "2.0.1").catch((error: { code: number; stderr: string }) => error);
    expect(failure).toMatchObject({ code: 1 });
    expect((failure as { stderr: string }).stderr).toMatch(/Nope/);
  }, 60_000);

  it("stops resolving a retired version's operations within the notice latency", async () => {
    const document = "query Retiring { catalogItems(first: 1) { id } }";
    const id = sha256Hex(document);
    await stack.post(
      { query: PUBLISH, variables: { input: { app: "legacy", version: "1", manifest: { [id]: document } } } },
      admin.bearer,
    );
    const partner = await stack.createApiClient(admin, ["legacy"]);
    expect((await stack.post({ documentId: id }, partner.headers)).body.data.catalogItems).toHaveLength(1);
    const retired = await stack.post(
      { query: RETIRE, variables: { input: { app: "legacy", version: "1" } } },
      admin.bearer,
    );
    expect(retired.body.data.retirePersistedOperationVersion.version.status).toBe("RETIRED");
    const started = Date.now();
    await expect
      .poll(async () => (await stack.post({ documentId: id }, partner.headers)).body.errors?.[0]?.extensions?.code, {
        timeout: 5_000,
        interval: 100,
      })
      .toBe("PERSISTED_QUERY_NOT_FOUND");
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe("usage", () => {
  it("shows a client's calls, errors and latency per operation to its tenant's admin only", async () => {
    const partner = await stack.createApiClient(admin, ["storefront"]);
    const from = new Date(Date.now() - 60_000).toISOString();
    for (let i = 0; i < 3; i++) await stack.post({ documentId: idOf("CatalogItems") }, partner.headers);
    await stack.post({ documentId: idOf("CatalogFailure") }, partner.headers);
    const to = new Date(Date.now() + 120_000).toISOString();
    const variables = { apiClientId: partner.apiClientId, from, to };
    await expect
      .poll(
        async () => (await stack.post({ query: USAGE, variables }, admin.bearer)).body.data?.persistedOperationUsage,
        {
          timeout: 5_000,
        },
      )
      .toEqual([
        expect.objectContaining({
          operationId: idOf("CatalogItems"),
          operationName: "CatalogItems",
          calls: 3,
          errors: 0,
        }),
        expect.objectContaining({ operationId: idOf("CatalogFailure"), calls: 1, errors: 1 }),
      ]);
    const outsider = await stack.signUpAdmin("outsider");
    const refused = await stack.post({ query: USAGE, variables }, outsider.bearer);
    expect(refused.body.errors[0].extensions.code).toBe("NOT_FOUND");
  });
});
