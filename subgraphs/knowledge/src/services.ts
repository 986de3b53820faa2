import type { EventBus } from "@atelier/event-bus";
import type { GatewayClient, WorkspaceReferences } from "@atelier/gateway-client";
import type { DelegatedActor } from "@atelier/internal-auth";
import type { JobQueue } from "@atelier/job-queue";
import type { Logger } from "@atelier/logging";
import type pg from "pg";
import type { KnowledgeConfig } from "./config";
import type { PrismaClient } from "./data/db";
import type { Embedder } from "./embedding/embedder";
import type { VectorStore } from "./vector-store/vector-store";

/** Process-wide collaborators, built once at boot and shared by the API and the worker. */
export interface KnowledgeServices {
  db: PrismaClient;
  /** Plain pg for search's hot path, which skips Prisma's per-query cost (see search/sql.ts). */
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
