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
import { type Client, createClient, type SubscribePayload } from "graphql-ws";
import pg from "pg";
import WebSocket from "ws";
import { loadGatewayConfig } from "../../src/config";
import { createGateway } from "../../src/server";
import { startIdentityInternalStub } from "./identity-internal-stub";
import { PEOPLE_SDL, startTickerSubgraphs, TICKS_SCHEMA_SQL, TICKS_SDL } from "./ticker-subgraphs";

export const PARTNER_KEY = "ak_partner_subscriber";
export const TICKS_DOCUMENT = "subscription Ticks($streamId: ID!) { tickUpdated(streamId: $streamId) { label } }";
export const TICKS_ID = "ticks-v1";

/** Ticker subgraphs behind a gateway whose identity stub knows one API client with a published subscription. */
export async function startPartnerSubscriptionStack() {
  const db = await createTestDatabase("audit");
  const pool = new pg.Pool({ connectionString: db.url, max: 2 });
  await pool.query(TICKS_SCHEMA_SQL);
  const keys = generateInternalKeyPair();
  const tenantId = randomUUID();
  const subgraphs = await startTickerSubgraphs(db.url, keys.publicKey);
  const identity = await startIdentityInternalStub({
    gatewayPublicKey: keys.publicKey,
    apiKeys: { [PARTNER_KEY]: { apiClientId: "sub-client", tenantId, scopes: [] } },
    operations: [{ id: TICKS_ID, document: TICKS_DOCUMENT, tenantId, apiClientIds: ["sub-client"] }],
  });
  const composed = composeServices([
    { name: "ticks", url: subgraphs.ticks.url, typeDefs: parse(TICKS_SDL) },
    { name: "people", url: subgraphs.people.url, typeDefs: parse(PEOPLE_SDL) },
  ]);
  if (composed.errors) throw new Error(composed.errors.map((e) => e.message).join("\n"));
  const dir = mkdtempSync(join(tmpdir(), "atelier-partner-subscriptions-"));
  writeFileSync(join(dir, "supergraph.graphql"), composed.supergraphSdl);
  writeFileSync(
    join(dir, "subscriptions.json"),
    JSON.stringify({ tickUpdated: { catchUp: "tickEvents", topicArgument: "streamId" } }),
  );
  const gateway = await createGateway(
    loadGatewayConfig({
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "silent",
      SUPERGRAPH_PATH: join(dir, "supergraph.graphql"),
      SUBSCRIPTIONS_PATH: join(dir, "subscriptions.json"),
      INTERNAL_JWT_PRIVATE_KEY: keys.privateKey,
      IDENTITY_INTERNAL_URL: identity.url,
      DATABASE_URL: db.url,
    }),
  );
  const bus = createEventBus({ databaseUrl: db.url });
  const clients: Client[] = [];

  return {
    tenantId,
    async appendTick(streamId: string, label: string) {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        const sql = (parts: TemplateStringsArray) => parts.reduce((q, part, i) => q + (i ? `$${i}` : "") + part, "");
        const tx = {
          $executeRaw: (parts: TemplateStringsArray, ...v: unknown[]) =>
            client.query(sql(parts), v).then((r) => r.rowCount ?? 0),
          $executeRawUnsafe: (q: string, ...v: unknown[]) => client.query(q, v).then((r) => r.rowCount ?? 0),
          $queryRawUnsafe: <T>(q: string, ...v: unknown[]) => client.query(q, v).then((r) => r.rows as T),
        };
        const notice = await appendStreamEvent(tx as never, {
          schema: "ticks",
          streamId,
          tenantId,
          type: "tick",
          payload: { label, ownerId: "owner-1" },
          topics: [`tickUpdated:${streamId}`],
        });
        await client.query("COMMIT");
        await publishStreamEvents(bus, [notice]);
      } finally {
        client.release();
      }
    },
    /** Subscribes with the partner's key; collects data and errors. */
    subscribe(payload: SubscribePayload) {
      const client = createClient({
        url: gateway.url.replace("http", "ws"),
        webSocketImpl: WebSocket,
        retryAttempts: 0,
        connectionParams: { apiKey: PARTNER_KEY },
      });
      clients.push(client);
      const collected = { values: [] as unknown[], errors: [] as unknown[] };
      client.subscribe(payload, {
        next: (value) => collected.values.push(value.data),
        error: (error) => collected.errors.push(error),
        complete: () => {},
      });
      return collected;
    },
    async close() {
      for (const client of clients) await client.dispose();
      await gateway.stop();
      await bus.close();
      await Promise.all([subgraphs.close(), identity.close()]);
      await pool.end();
      await db.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
