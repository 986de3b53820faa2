import { randomUUID } from "node:crypto";
import type { Identity, Role } from "@atelier/internal-auth";
import { createTestDatabase, signIdentity, type TestDatabase, testKeys } from "@atelier/testing";
import { loadWorkflowsConfig } from "../src/config";
import { createWorkflowsService } from "../src/server";

export type Service = Awaited<ReturnType<typeof createWorkflowsService>>;

export interface Harness {
  db: TestDatabase;
  service: Service;
  stop(): Promise<void>;
}

/** A fresh database and the service over real HTTP, its worker in process unless told otherwise. */
export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const db = await createTestDatabase("workflows");
  const config = loadWorkflowsConfig({
    DATABASE_URL: db.url,
    INTERNAL_JWT_PUBLIC_KEY: testKeys().publicKey,
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? "silent",
    WORKER_POLLING_INTERVAL_SECONDS: "0.5",
    ...env,
  });
  const service = await createWorkflowsService(config);
  return {
    db,
    service,
    async stop() {
      await service.stop();
      await db.drop();
    },
  };
}

export type UserIdentity = Extract<Identity, { kind: "user" }> & { tenantId: string };

/** A user of a brand-new tenant. */
export function newTenantUser(role: Role = "EDITOR"): UserIdentity {
  return { kind: "user", userId: randomUUID(), tenantId: randomUUID(), role, sessionId: randomUUID(), scopes: [] };
}

/** Another user of the same tenant, with another role. */
export function colleague(of: UserIdentity, role: Role): UserIdentity {
  return { ...of, userId: randomUUID(), role };
}

// biome-ignore lint/suspicious/noExplicitAny: tests read results as loosely typed JSON
export interface GqlResult<T = Record<string, any>> {
  data?: T;
  errors?: { message: string; extensions?: { code?: string; [k: string]: unknown } }[];
}

/** Calls the subgraph as the gateway would, with a signed identity. */
// biome-ignore lint/suspicious/noExplicitAny: tests read results as loosely typed JSON
export async function gql<T = Record<string, any>>(
  service: Service,
  identity: Identity,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GqlResult<T>> {
  const res = await fetch(service.url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-atelier-identity": await signIdentity(identity) },
    body: JSON.stringify({ query, variables }),
  });
  return (await res.json()) as GqlResult<T>;
}

/** The data of a call expected to succeed. */
// biome-ignore lint/suspicious/noExplicitAny: tests read results as loosely typed JSON
export async function ok<T = Record<string, any>>(
  service: Service,
  identity: Identity,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<T> {
  const result = await gql<T>(service, identity, query, variables);
  if (result.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
  return result.data as T;
}

/** The error code of a call expected to fail. */
export async function errorCode(
  service: Service,
  identity: Identity,
  query: string,
  variables: Record<string, unknown> = {},
) {
  const result = await gql(service, identity, query, variables);
  return result.errors?.[0]?.extensions?.code ?? null;
}

export async function waitFor<T>(check: () => Promise<T | null | undefined | false>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error("timed out waiting");
    await new Promise((r) => setTimeout(r, 100));
  }
}
