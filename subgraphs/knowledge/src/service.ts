// The service as a library (tests, the e2e stack); src/index.ts is the process entrypoint.
export { type KnowledgeConfig, loadKnowledgeConfig } from "./config";
export { createKnowledgeService } from "./server";
