import { APP_ROLE } from "@atelier/db";
import { createEventBus, type EventBus } from "@atelier/event-bus";
import { type GatewayClient, gatewayClientFrom } from "@atelier/gateway-client";
import { createJobQueue, type JobQueue } from "@atelier/job-queue";
import type { Logger } from "@atelier/logging";
import type pg from "pg";
import type { CreativeConfig } from "./config";
import { createCreativePrisma, createCreativeSqlPool } from "./data/db";
import { FINAL_QUEUE, SAMPLES_QUEUE } from "./domain/enqueue-in-transaction";
import type { PrismaClient } from "./generated/prisma/client";
import { createBuiltinProvider } from "./generation/builtin-provider";
import type { GenerationProvider, GenerationProviders } from "./generation/generation-provider";
import { createHttpProvider } from "./generation/http-provider";
import type { BlobStore } from "./storage/blob-store";
import { createBlobStore } from "./storage/create-blob-store";

/** Process-wide collaborators, built once at boot. */
export interface CreativeServices {
  db: PrismaClient;
  /** Plain pg for the read loaders' hot path (one-round-trip reads), which skips Prisma's per-query cost. */
  sql: pg.Pool;
  config: CreativeConfig;
  blobs: BlobStore;
  queue: JobQueue;
  bus: EventBus;
  providers: GenerationProviders;
  log: Logger;
  /** Calls other subgraphs through the gateway as the caller (handAssetToKnowledge); null without a key. */
  gateway?: GatewayClient | null;
}

export interface CreativeServiceDeps {
  bus?: EventBus;
  /** Extra or replacement generation providers, by registry provider name. */
  providers?: GenerationProvider[];
  /** Called once per SQL statement (round-trip counting). */
  onQuery?: (sql: string, durationMs: number) => void;
  /** The base of local-storage signed URLs (known once the HTTP server listens). */
  publicUrl: () => string;
}

function providersFor(config: CreativeConfig, extra: GenerationProvider[]): GenerationProviders {
  const providers: GenerationProviders = new Map([["builtin", createBuiltinProvider()]]);
  const { httpUrl, httpToken, httpTimeoutMs } = config.generation;
  if (httpUrl) providers.set("http", createHttpProvider({ url: httpUrl, token: httpToken, timeoutMs: httpTimeoutMs }));
  for (const provider of extra) providers.set(provider.name, provider);
  return providers;
}

/** Builds what the API and the worker process need (the job queue started), and how to close it. */
export async function createCreativeServices(config: CreativeConfig, log: Logger, deps: CreativeServiceDeps) {
  const db = createCreativePrisma({
    databaseUrl: config.databaseUrl,
    poolMax: config.databasePoolMax,
    onQuery: deps.onQuery,
  });
  const sql = createCreativeSqlPool({
    databaseUrl: config.databaseUrl,
    poolMax: config.databasePoolMax,
    onQuery: deps.onQuery,
    onIdleError: (err) => log.warn({ err }, "idle read connection closed"),
  });
  const bus =
    deps.bus ??
    createEventBus({ databaseUrl: config.databaseUrl, redisUrl: config.redisUrl }, (err) =>
      log.error({ err }, "event bus error"),
    );
  const queue = createJobQueue({
    databaseUrl: config.databaseUrl,
    schema: "jobs_creative",
    queues: [SAMPLES_QUEUE, FINAL_QUEUE],
    expireInSeconds: config.jobExpireSeconds,
    // Generations are enqueued inside tenant transactions, which act as the row-level-security role.
    enqueueRole: APP_ROLE,
    onError: (err) => log.error({ err }, "job queue error"),
  });
  await queue.start();
  const { blobs, routes } = createBlobStore(config, deps.publicUrl, log);
  const services: CreativeServices = {
    db,
    sql,
    config,
    blobs,
    queue,
    bus,
    providers: providersFor(config, deps.providers ?? []),
    log,
    gateway: gatewayClientFrom("creative", config.gateway),
  };
  return {
    services,
    /** The blob store's HTTP routes (local disk), for the API server. */
    routes,
    /** Running generation phases finish (or are handed out again after expiry) within the drain limit. */
    async close() {
      await queue.stop({ graceful: true, timeoutMs: config.drainTimeoutMs });
      if (!deps.bus) await bus.close();
      await db.$disconnect();
      await sql.end();
    },
  };
}
