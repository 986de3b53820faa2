import { APP_ROLE, createPrismaClient, guardPool } from "@atelier/db";
import { createEventBus, type EventBus } from "@atelier/event-bus";
import {
  createWorkspaceReferences,
  type GatewayClient,
  gatewayClientFrom,
  type WorkspaceReferences,
} from "@atelier/gateway-client";
import type { DelegatedActor } from "@atelier/internal-auth";
import { createJobQueue, type JobQueue } from "@atelier/job-queue";
import { createLogger, type Logger } from "@atelier/logging";
import pg from "pg";
import { createEmbedder } from "./bootstrap/create-embedder";
import { createVectorStore } from "./bootstrap/create-vector-store";
import type { KnowledgeConfig } from "./config";
import { collectionNameFor, type Embedder } from "./embedding/embedder";
import { PrismaClient } from "./generated/prisma/client";
import type { VectorStore } from "./vector-store/vector-store";

/** Process-wide collaborators, built once at boot and shared by the API and the worker. */
export interface KnowledgeServices {
  db: PrismaClient;
  /**
   * Plain pg for the hot paths (search hits, loaders, creation and ingestion writes), through
   * `scope.using(sqlTransactions(sql))`: an interactive Prisma transaction with one raw query cost
   * about ten times as much (1–2 ms at the median, 4–9 ms at p95 on the busy 2-core machine,
   * against 0.15 and 0.5 ms), most of a search's overhead.
   */
  sql: pg.Pool;
  config: KnowledgeConfig;
  embedder: Embedder;
  store: VectorStore;
  /** The vector collection of the current embedding model. */
  collection: string;
  queue: JobQueue;
  bus: EventBus;
  log: Logger;
  /** Calls the supergraph as a user or API client (creative Assets); null without DELEGATION_PRIVATE_KEY. */
  gateway: GatewayClient | null;
  /** Whether a workspace id names one the actor sees in creative; null without gateway credentials (unchecked). */
  workspaceReferences: WorkspaceReferences | null;
}

export const INGEST_QUEUE = "knowledge-ingest-document";
/** pg-boss moves an ingestion job here once its retries are exhausted (failed or timed out). */
export const INGEST_FAILED_QUEUE = "knowledge-ingest-document-failed";
export const JOBS_SCHEMA = "jobs_knowledge";

export interface IngestJob {
  tenantId: string;
  documentId: string;
  /** Sequence of the CREATED or REINDEX_REQUESTED event that asked for this run; a later request supersedes it. */
  requestSequence?: number;
  /** Who asked: an ASSET document's bytes are read through the gateway as them. */
  actor?: DelegatedActor;
  /** A signed download URL of the asset version already resolved, used while it is valid. */
  download?: { url: string; expiresAt: string };
}

/** Collaborators a test or an embedding process may supply instead of the configured ones. */
export interface KnowledgeDeps {
  bus?: EventBus;
  embedder?: Embedder;
  store?: VectorStore;
  logger?: Logger;
}

/** Builds and starts the process-wide services (database, queue, bus, embedder, vector collection). */
export async function buildServices(config: KnowledgeConfig, deps: KnowledgeDeps = {}): Promise<KnowledgeServices> {
  const log = deps.logger ?? createLogger({ service: "knowledge", level: config.logLevel });
  const embedder = deps.embedder ?? createEmbedder(config.embedding);
  const store = deps.store ?? createVectorStore(config.vectorStore, config.search);
  const collection = collectionNameFor(embedder);
  await store.ensureCollection(collection, embedder.dimensions, config.vectorStore.hnsw);
  const queue = createJobQueue({
    databaseUrl: config.databaseUrl,
    schema: JOBS_SCHEMA,
    queues: [INGEST_QUEUE, INGEST_FAILED_QUEUE],
    expireInSeconds: config.jobExpireSeconds,
    // Ingestion is enqueued inside tenant transactions, which act as the row-level-security role.
    enqueueRole: APP_ROLE,
    onError: (error) => log.error({ err: error }, "job queue error"),
  });
  await queue.start();
  const sql = new pg.Pool({
    connectionString: config.databaseUrl,
    max: config.databasePoolMax,
    idleTimeoutMillis: 30_000,
  });
  // A connection the server closed (restart, dropped database), idle or checked out, is replaced on next use.
  guardPool(sql, (error) => log.warn({ err: error }, "search connection closed"));
  const gateway = gatewayClientFrom("knowledge", config.gateway);
  return {
    db: createPrismaClient(PrismaClient, { databaseUrl: config.databaseUrl, poolMax: config.databasePoolMax }),
    sql,
    config,
    embedder,
    store,
    collection,
    queue,
    bus:
      deps.bus ??
      createEventBus({ databaseUrl: config.databaseUrl, redisUrl: config.redisUrl }, (error) =>
        log.error({ err: error }, "event bus error"),
      ),
    log,
    gateway,
    workspaceReferences: gateway ? createWorkspaceReferences(gateway) : null,
  };
}

/** Closes what buildServices opened; running ingestions finish (or are handed out again after expiry) within the drain limit. */
export async function closeServices(services: KnowledgeServices, opts: { closeBus: boolean }): Promise<void> {
  await services.queue.stop({ graceful: true, timeoutMs: services.config.drainTimeoutMs });
  if (opts.closeBus) await services.bus.close();
  await services.store.close();
  await services.sql.end();
  await services.db.$disconnect();
}
