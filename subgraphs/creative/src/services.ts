import type { EventBus } from "@atelier/event-bus";
import type { GatewayClient } from "@atelier/gateway-client";
import type { JobQueue } from "@atelier/job-queue";
import type { Logger } from "@atelier/logging";
import type pg from "pg";
import type { CreativeConfig } from "./config";
import type { PrismaClient } from "./generated/prisma/client";
import type { GenerationProviders } from "./generation/generation-provider";
import type { BlobStore } from "./storage/blob-store";

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
