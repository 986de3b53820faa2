import { collectJobQueueMetrics } from "@atelier/service-runtime";
import { createSubgraphServer, databaseAndBusReadiness, runningSubgraph, serverOptionsOf } from "@atelier/subgraph-kit";
import { followDocumentEvents } from "./bootstrap/follow-document-events";
import { rebuildEmbeddedStore } from "./bootstrap/rebuild-embedded-store";
import { reindexStaleDocuments } from "./bootstrap/reindex-stale-documents";
import type { KnowledgeConfig } from "./config";
import { buildContext, type Context } from "./context";
import { startIngestionWorker } from "./ingestion/start-worker";
import { resolvers } from "./resolvers/index";
import { knowledgeTypeDefs } from "./schema/index";
import { buildServices, closeServices, JOBS_SCHEMA, type KnowledgeDeps, type KnowledgeServices } from "./services";

export interface KnowledgeService {
  url: string;
  port: number;
  services: KnowledgeServices;
  stop(): Promise<void>;
}

/** The knowledge subgraph: API, vector index kept in sync, and (RUN_WORKER) the ingestion worker. */
export async function createKnowledgeService(
  config: KnowledgeConfig,
  deps: KnowledgeDeps = {},
): Promise<KnowledgeService> {
  const services = await buildServices(config, deps);
  const unfollow = await followDocumentEvents(services);
  if (services.store.kind === "embedded") {
    const loaded = await rebuildEmbeddedStore(services);
    services.log.info({ loaded, collection: services.collection }, "embedded vector store rebuilt from Postgres");
  }
  await reindexStaleDocuments(services);
  if (config.runWorker) await startIngestionWorker(services);
  const server = await createSubgraphServer<Context>({
    name: "knowledge",
    typeDefs: knowledgeTypeDefs,
    resolvers,
    ...serverOptionsOf(config),
    logger: services.log,
    // Inline content arrives in the request body (base64 for binary types: 4/3 larger).
    maxBodyBytes: Math.ceil(config.maxDocumentBytes * 1.4) + 65_536,
    buildContext: (base) => buildContext(base, services),
    readiness: databaseAndBusReadiness(() => services.sql.query("SELECT 1"), services.bus),
  });
  collectJobQueueMetrics(JOBS_SCHEMA, (text) => services.sql.query(text));
  return runningSubgraph(server, services, async () => {
    await unfollow();
    await closeServices(services, { closeBus: !deps.bus });
  });
}
