import type { Identity } from "@atelier/internal-auth";
import { IDENTITY_HEADER } from "@atelier/internal-auth";
import { createLogger } from "@atelier/logging";
import { createTestDatabase, signIdentity, type TestDatabase, testKeys } from "@atelier/testing";
import pg from "pg";
import { loadIdentityConfig } from "../../src/config";
import type { MailMessage, MailSender } from "../../src/mail/mail-sender";
import { createIdentityService, type IdentityService } from "../../src/server";

// biome-ignore lint/suspicious/noExplicitAny: tests read response data without a schema type
export type AnyData = Record<string, any>;

export interface GraphQLResponse<T = AnyData> {
  status: number;
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; [key: string]: unknown } }[];
}

/** A running identity subgraph on a fresh database, called over HTTP as the gateway would. */
export interface Harness {
  service: IdentityService;
  database: TestDatabase;
  mailbox: MailMessage[];
  baseUrl: string;
  sql: pg.Pool;
  gql<T = AnyData>(
    query: string,
    variables?: Record<string, unknown>,
    identity?: Identity | null,
    /** Extra headers, e.g. the client address the gateway forwards. */
    headers?: Record<string, string>,
  ): Promise<GraphQLResponse<T>>;
  internal(path: string, body: unknown, identity?: Identity | null): Promise<{ status: number; body: AnyData }>;
  stop(): Promise<void>;
}

export async function startHarness(env: Record<string, string> = {}): Promise<Harness> {
  const database = await createTestDatabase("identity");
  const mailbox: MailMessage[] = [];
  const mail: MailSender = { send: async (m) => void mailbox.push(m) };
  const config = loadIdentityConfig({
    NODE_ENV: "test",
    PORT: "0",
    HOST: "127.0.0.1",
    DATABASE_URL: database.url,
    DATABASE_POOL_MAX: "4",
    INTERNAL_JWT_PUBLIC_KEY: testKeys().publicKey,
    ...env,
  });
  const service = await createIdentityService(config, {
    mail,
    logger: createLogger({ service: "identity", level: "silent" }),
  });
  const baseUrl = service.url.replace(/\/graphql$/, "");
  const sql = new pg.Pool({ connectionString: database.url, max: 2 });
  return {
    service,
    database,
    mailbox,
    baseUrl,
    sql,
    async gql(query, variables = {}, identity: Identity | null = { kind: "anonymous" }, extra = {}) {
      const headers: Record<string, string> = { "content-type": "application/json", ...extra };
      if (identity) headers[IDENTITY_HEADER] = await signIdentity(identity);
      const res = await fetch(service.url, { method: "POST", headers, body: JSON.stringify({ query, variables }) });
      return { status: res.status, ...((await res.json()) as object) };
    },
    async internal(path, body, identity: Identity | null = { kind: "system", service: "gateway" }) {
      const headers: Record<string, string> = { "content-type": "application/json" };
      if (identity) headers[IDENTITY_HEADER] = await signIdentity(identity);
      const res = await fetch(`${baseUrl}${path}`, { method: "POST", headers, body: JSON.stringify(body) });
      const text = await res.text();
      return { status: res.status, body: text ? JSON.parse(text) : null };
    },
    async stop() {
      await sql.end();
      await service.stop();
      await database.drop();
    },
  };
}
