import { APP_ROLE } from "@atelier/db";
import type { EventBus } from "@atelier/event-bus";
import { createEventBus } from "@atelier/event-bus";
import { gatewayClientFrom } from "@atelier/gateway-client";
import { createJobQueue } from "@atelier/job-queue";
import { createLogger } from "@atelier/logging";
import { collectJobQueueMetrics } from "@atelier/service-runtime";
import { createSubgraphServer, tenantActor } from "@atelier/subgraph-kit";
import type { CreativeConfig } from "./config";
import type { Context } from "./context";
import { createCreativePrisma, createCreativeSqlPool } from "./data/db";
import { createLoaders } from "./data/loaders";
import { FINAL_QUEUE, SAMPLES_QUEUE } from "./domain/enqueue-in-transaction";
import { createBuiltinProvider } from "./generation/builtin-provider";
import type { GenerationProvider, GenerationProviders } from "./generation/generation-provider";
import { createHttpProvider } from "./generation/http-provider";
import { startGenerationWorker } from "./generation/start-generation-worker";
import { resolvers } from "./resolvers/index";
import { creativeTypeDefs } from "./schema/index";
import { createCreativeScope } from "./scope/creative-scope";
import type { CreativeServices } from "./services";
import { createBlobStore } from "./storage/create-blob-store";

export interface CreativeDeps {
  bus?: EventBus;
  /** Extra or replacement generation providers, by registry provider name. */
  providers?: GenerationProvider[];
  /** Called once per SQL statement (round-trip counting). */
  onQuery?: (sql: string, durationMs: number) => void;
  workerPollingIntervalSeconds?: number;
}

export interface CreativeService {
  url: string;
  port: number;
  services: CreativeServices;
  stop(): Promise<void>;
}

function providersFor(config: CreativeConfig, extra: GenerationProvider[]): GenerationProviders {
  const providers: GenerationProviders = new Map([["builtin", createBuiltinProvider()]]);
  const { httpUrl, httpToken, httpTimeoutMs } = config.generation;
  if (httpUrl) providers.set("http", createHttpProvider({ url: httpUrl, token: httpToken, timeoutMs: httpTimeoutMs }));
  for (const provider of extra) providers.set(provider.name, provider);
  return providers;
}

/** Builds the creative subgraph: Prisma, job queue, event bus, blob store, HTTP server and (optionally) the worker. */
export async function createCreativeService(config: CreativeConfig, deps: CreativeDeps = {}): Promise<CreativeService> {
  const log = createLogger({ service: "creative", level: config.logLevel });
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
  let baseUrl = config.publicUrl ?? "";
  const { blobs, routes } = createBlobStore(config, () => baseUrl, log);
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
  const server = await createSubgraphServer<Context>({
    name: "creative",
    typeDefs: creativeTypeDefs,
    resolvers,
    port: config.port,
    host: config.host,
    internalPublicKey: config.internalPublicKey,
    logger: log,
    introspection: config.introspection,
    buildContext: (base) => {
      // Lazy: the actor (and an anonymous caller's error) comes on the first read, write or guard.
      const scope = createCreativeScope(services, () => tenantActor(base.identity, base.requestId));
      return { ...base, services, scope, loaders: createLoaders(scope) };
    },
    routes,
    readiness: { database: async () => void (await sql.query("SELECT 1")), eventBus: () => bus.check() },
    drainTimeoutMs: config.drainTimeoutMs,
  });
  collectJobQueueMetrics("jobs_creative", (text) => sql.query(text));
  const host = config.host === "0.0.0.0" ? "127.0.0.1" : config.host;
  baseUrl ||= `http://${host}:${server.port}`;
  if (config.runWorker)
    await startGenerationWorker(services, { pollingIntervalSeconds: deps.workerPollingIntervalSeconds });
  log.info({ url: server.url, worker: config.runWorker, storage: blobs.kind }, "creative subgraph ready");
  return {
    url: server.url,
    port: server.port,
    services,
    async stop() {
      await server.stop();
      await queue.stop({ graceful: true, timeoutMs: config.drainTimeoutMs });
      if (!deps.bus) await bus.close();
      await db.$disconnect();
      await sql.end();
    },
  };
}
