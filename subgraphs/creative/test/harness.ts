import { randomUUID } from "node:crypto";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { IDENTITY_HEADER, type Identity, type Role } from "@atelier/internal-auth";
import { createTestDatabase, signIdentity, testKeys } from "@atelier/testing";
import pg from "pg";
import { loadCreativeConfig } from "../src/config";
import { type CreativeDeps, createCreativeService } from "../src/server";

export interface GqlResult<T = Record<string, unknown>> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown } }[];
}

export function member(tenantId: string, role: Role = "EDITOR", userId: string = randomUUID()): Identity {
  return { kind: "user", userId, tenantId, role, sessionId: null, scopes: [] };
}

export const billing: Identity = { kind: "system", service: "billing" };

/** A creative service on a fresh database, called over real HTTP with signed identities. */
export async function startCreative(opts: { env?: Record<string, string>; deps?: CreativeDeps } = {}) {
  const database = await createTestDatabase("creative");
  const storageDir = await mkdtemp(path.join(tmpdir(), "creative-blobs-"));
  const config = loadCreativeConfig({
    NODE_ENV: "test",
    DATABASE_URL: database.url,
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "silent",
    INTERNAL_JWT_PUBLIC_KEY: testKeys().publicKey,
    STORAGE_DIR: storageDir,
    STORAGE_SIGNING_SECRET: "test-secret-test-secret-test-secret-0123",
    JOB_EXPIRE_SECONDS: "30",
    ...opts.env,
  });
  const service = await createCreativeService(config, opts.deps);
  const sql = new pg.Pool({ connectionString: database.url, max: 2 });

  async function gql<T = Record<string, unknown>>(
    identity: Identity,
    query: string,
    variables: Record<string, unknown> = {},
  ) {
    const response = await fetch(service.url, {
      method: "POST",
      headers: { "content-type": "application/json", [IDENTITY_HEADER]: await signIdentity(identity) },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as GqlResult<T>;
  }

  /** Like gql, but fails the test on any error. */
  async function ok<T = Record<string, unknown>>(
    identity: Identity,
    query: string,
    variables: Record<string, unknown> = {},
  ) {
    const result = await gql<T>(identity, query, variables);
    if (result.errors?.length) throw new Error(`GraphQL errors: ${JSON.stringify(result.errors)}`);
    return result.data as T;
  }

  return {
    service,
    config,
    sql,
    gql,
    ok,
    async stop() {
      await service.stop();
      await sql.end();
      // Pools finish closing their idle connections after stop() resolves; a forced drop before
      // that surfaces as an unhandled "terminating connection" error.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await database.drop();
      await rm(storageDir, { recursive: true, force: true });
    },
  };
}

export type Creative = Awaited<ReturnType<typeof startCreative>>;

export async function grant(creative: Creative, tenantId: string, amount: number) {
  await creative.ok(billing, `mutation($i: GrantCreditsInput!) { grantCredits(input: $i) { balance } }`, {
    i: { tenantId, amount },
  });
}

export async function makeWorkspace(
  creative: Creative,
  who: Identity,
  name = `ws-${randomUUID().slice(0, 8)}`,
  links: unknown[] = [],
) {
  const data = await creative.ok<{ createWorkspace: { workspace: { id: string } } }>(
    who,
    `mutation($i: CreateWorkspaceInput!) { createWorkspace(input: $i) { workspace { id } } }`,
    { i: { name, links } },
  );
  return data.createWorkspace.workspace.id;
}

export async function makeProject(
  creative: Creative,
  who: Identity,
  workspaceId: string,
  extra: Record<string, unknown> = {},
) {
  const data = await creative.ok<{ createProject: { project: { id: string } } }>(
    who,
    `mutation($i: CreateProjectInput!) { createProject(input: $i) { project { id } } }`,
    { i: { workspaceId, name: "Spring campaign", ...extra } },
  );
  return data.createProject.project.id;
}

export async function waitFor<T>(fn: () => Promise<T | null | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const value = await fn();
    if (value) return value;
    if (Date.now() - started > timeoutMs) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
}
