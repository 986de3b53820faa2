// The service as a library (tests, the e2e stack); src/index.ts is the process entrypoint.
export { loadWorkflowsConfig, type WorkflowsConfig } from "./config";
export { createWorkflowsService } from "./server";
