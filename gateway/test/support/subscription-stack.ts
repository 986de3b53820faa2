import { randomUUID } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { composeServices } from "@apollo/composition";
import { createEventBus } from "@atelier/event-bus";
import { generateInternalKeyPair } from "@atelier/internal-auth";
import { appendStreamEvent, publishStreamEvents } from "@atelier/live-events";
import { createTestDatabase } from "@atelier/testing";
import { parse } from "graphql";
import pg from "pg";
import { loadGatewayConfig } from "../../src/config";
import { createGateway, type RunningGateway } from "../../src/server";
import { startIdentityInternalStub } from "./identity-internal-stub";
import { startTestIssuer } from "./issuer-keys";
import {
  PEOPLE_SDL,
  startTickerSubgraphs,
  TICKS_SCHEMA_SQL,
  TICKS_SDL,
  type TickerSubgraphs,
} from "./ticker-subgraphs";

/** A Prisma-shaped transaction over one pg client, for appendStreamEvent. */
function pgTransaction(client: pg.PoolClient) {
  const sql = (strings: TemplateStringsArray) => strings.reduce((q, part, i) => q + (i ? `$${i}` : "") + part, "");
  return {
    $executeRaw: (strings: TemplateStringsArray, ...values: unknown[]) =>
      client.query(sql(strings), values).then((r) => r.rowCount ?? 0),
    $executeRawUnsafe: (query: string, ...values: unknown[]) =>
      client.query(query, values).then((r) => r.rowCount ?? 0),
    $queryRawUnsafe: <T>(query: string, ...values: unknown[]) => client.query(query, values).then((r) => r.rows as T),
  };
}

/** Ticker subgraphs behind one or more gateways sharing an event bus (Postgres, or Redis when given). */
export async function startSubscriptionStack(
  opts: {
    gateways?: number;
    redisUrl?: string;
    audience?: "identity" | "tenant-role";
    /**
     * `viewer-dependent.json` beside the registry; default: `Person.name` marked, standing in for a
     * field that differs between viewers. null: no file.
     */
    viewerDependent?: { types?: Record<string, string>; fields?: Record<string, string> } | null;
    /** Extra gateway environment, e.g. rate limits for a bench. */
    env?: Record<string, string>;
    /** Starts the ticker subgraphs elsewhere (a bench runs them in their own process); default: in this one. */
    startSubgraphs?: (databaseUrl: string, internalPublicKey: string) => Promise<TickerSubgraphs>;
  } = {},
) {
  const db = await createTestDatabase("audit");
  const pool = new pg.Pool({ connectionString: db.url, max: 4 });
  pool.on("error", () => {});
  await pool.query(TICKS_SCHEMA_SQL);
  const keys = generateInternalKeyPair();
  const subgraphs = await (opts.startSubgraphs ?? startTickerSubgraphs)(db.url, keys.publicKey);
  const issuer = await startTestIssuer("atelier-identity", "atelier");
  const identity = await startIdentityInternalStub({ gatewayPublicKey: keys.publicKey, apiKeys: {} });
  const composed = composeServices([
    { name: "ticks", url: subgraphs.ticks.url, typeDefs: parse(TICKS_SDL) },
    { name: "people", url: subgraphs.people.url, typeDefs: parse(PEOPLE_SDL) },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join("\n"));
  const dir = mkdtempSync(join(tmpdir(), "atelier-subscriptions-"));
  writeFileSync(join(dir, "supergraph.graphql"), composed.supergraphSdl);
  writeFileSync(
    join(dir, "subscriptions.json"),
    JSON.stringify({
      tickUpdated: { catchUp: "tickEvents", topicArgument: "streamId", audience: opts.audience ?? "identity" },
    }),
  );

  const viewerDependent =
    opts.viewerDependent === undefined
      ? {
          fields: {
            "Person.name": "differs per viewer",
            "Person.viewerNote": "names who reads it",
            "Person.privateNote": "only the person themselves may read it",
          },
        }
      : opts.viewerDependent;
  if (viewerDependent) writeFileSync(join(dir, "viewer-dependent.json"), JSON.stringify(viewerDependent));

  const gateways: RunningGateway[] = [];
  const bus = createEventBus({ databaseUrl: db.url, redisUrl: opts.redisUrl });
  async function close() {
    for (const g of gateways) await g.stop();
    await bus.close();
    await subgraphs.close();
    await issuer.close();
    await identity.close();
    await pool.end();
    await db.drop();
    rmSync(dir, { recursive: true, force: true });
  }
  for (let i = 0; i < (opts.gateways ?? 1); i++) {
    const config = loadGatewayConfig({
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "silent",
      SUPERGRAPH_PATH: join(dir, "supergraph.graphql"),
      SUBSCRIPTIONS_PATH: join(dir, "subscriptions.json"),
      INTERNAL_JWT_PRIVATE_KEY: keys.privateKey,
      IDENTITY_JWKS_URL: issuer.jwksUrl,
      IDENTITY_INTERNAL_URL: identity.url,
      DATABASE_URL: db.url,
      SUBSCRIPTION_RESYNC_MS: "60000",
      ...(opts.redisUrl ? { REDIS_URL: opts.redisUrl } : {}),
      ...opts.env,
    });
    try {
      gateways.push(await createGateway(config));
    } catch (error) {
      await close();
      throw error;
    }
  }

  /** Appends one tick to a stream in a transaction, then publishes the notice after commit. */
  async function appendTick(tenantId: string, streamId: string, label: string, publish = true) {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const notice = await appendStreamEvent(pgTransaction(client), {
        schema: "ticks",
        streamId,
        tenantId,
        type: "tick",
        payload: { label, ownerId: "owner-1" },
        topics: [`tickUpdated:${streamId}`],
      });
      await client.query("COMMIT");
      if (publish) await publishStreamEvents(bus, [notice]);
      return notice.sequence;
    } finally {
      client.release();
    }
  }

  /** A new member of `tenantId` with `role`, and an access token naming them. */
  function tokenFor(
    tenantId: string,
    role: string,
    opts: { userId?: string; sessionId?: string; expiresIn?: number | string } = {},
  ) {
    const userId = opts.userId ?? randomUUID();
    identity.members.set(`${userId}:${tenantId}`, role);
    const sid = opts.sessionId ?? randomUUID();
    return issuer.sign({ sub: userId, tid: tenantId, role, sid }, { expiresIn: opts.expiresIn });
  }

  return {
    gateways,
    wsUrl: (i = 0) => gateways[i]!.url.replace("http", "ws"),
    token: (tenantId: string) => tokenFor(tenantId, "VIEWER"),
    issuer,
    /** identity's stand-in: its memberships and ended sessions decide what tokens may do. */
    identity,
    appendTick,
    /** What identity publishes after a membership or session change commits. */
    announceAccessChange: (change: { userId?: string; tenantId?: string }) => bus.publish("access_changes", change),
    /** How many catch-up reads the ticks subgraph has served. */
    catchUpReads: () => subgraphs.stats.catchUpReads,
    /** How many Person entities the people subgraph has resolved (the viewer-dependent part). */
    personReads: () => subgraphs.stats.personReads,
    /** How many HTTP requests reached the people subgraph (per-viewer requests count once). */
    personRequests: () => subgraphs.stats.personRequests,
    tokenWithRole: tokenFor,
    close,
  };
}
