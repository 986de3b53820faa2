import { APP_ROLE, createPrismaClient, guardPool } from "@atelier/db";
import { createEventBus, type EventBus } from "@atelier/event-bus";
import { createWorkspaceReferences, gatewayClientFrom } from "@atelier/gateway-client";
import { createJobQueue } from "@atelier/job-queue";
import { createLogger, type Logger } from "@atelier/logging";
import pg from "pg";
import type { KnowledgeConfig } from "../config";
import { collectionNameFor, type Embedder } from "../embedding/embedder";
import { PrismaClient } from "../generated/prisma/client";
import { INGEST_FAILED_QUEUE, INGEST_QUEUE, JOBS_SCHEMA, type KnowledgeServices } from "../services";
import type { VectorStore } from "../vector-store/vector-store";
import { createEmbedder } from "./create-embedder";
import { createVectorStore } from "./create-vector-store";

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
