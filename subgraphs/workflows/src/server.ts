import type { EventBus } from "@atelier/event-bus";
import { createLogger } from "@atelier/logging";
import { collectJobQueueMetrics } from "@atelier/service-runtime";
import {
  createSubgraphServer,
  databaseAndBusReadiness,
  runningSubgraph,
  serverOptionsOf,
  tenantActor,
} from "@atelier/subgraph-kit";
import type { WorkflowsConfig } from "./config";
import type { Context } from "./context";
import { createLoaders } from "./data/loaders";
import { JOB_SCHEMA } from "./engine/enqueue-run";
import { startRunWorker } from "./engine/start-worker";
import { resolvers } from "./resolvers";
import { workflowsTypeDefs } from "./schema";
import { createWorkflowScope, type WorkflowScope } from "./scope";
import { createWorkflowServices } from "./services";

export interface WorkflowsServiceDeps {
  /** The event bus to publish on (Redis in production); default: Postgres LISTEN/NOTIFY. */
  bus?: EventBus;
}

/** Builds the workflows subgraph (and, with RUN_WORKER, its run executor) and listens. */
export async function createWorkflowsService(config: WorkflowsConfig, deps: WorkflowsServiceDeps = {}) {
  const logger = createLogger({ service: "workflows", level: config.logLevel });
  const { services, close } = await createWorkflowServices(config, logger, deps);
  if (config.worker.runInProcess) await startRunWorker(services);
  const server = await createSubgraphServer<Context>({
    name: "workflows",
    typeDefs: workflowsTypeDefs,
    resolvers,
    ...serverOptionsOf(config),
    logger,
    buildContext: (base) => {
      let scope: WorkflowScope | undefined;
      const scopeOf = () => (scope ??= createWorkflowScope(services, tenantActor(base.identity, base.requestId)));
      return { ...base, services, scope: scopeOf, loaders: createLoaders(scopeOf) };
    },
    readiness: databaseAndBusReadiness(() => services.sql.query("SELECT 1"), services.bus),
  });
  collectJobQueueMetrics(JOB_SCHEMA, (text) => services.sql.query(text));
  return runningSubgraph(server, services, () => close({ drainTimeoutMs: config.drainTimeoutMs }));
}
