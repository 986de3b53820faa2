import { defineSubgraphTest, type Subgraph } from "@atelier/testing";
import { loadWorkflowsConfig } from "../src/config";
import { createWorkflowsService } from "../src/server";

type WorkflowsService = Awaited<ReturnType<typeof createWorkflowsService>>;

/** The workflows service with its worker in process (RUN_WORKER=false for a file that starts its own). */
export const workflowsTest = defineSubgraphTest({
  service: "workflows",
  env: { WORKER_POLLING_INTERVAL_SECONDS: "0.5" },
  start: (env) => createWorkflowsService(loadWorkflowsConfig(env)),
});

export type WorkflowsSubgraph = Subgraph<WorkflowsService>;
