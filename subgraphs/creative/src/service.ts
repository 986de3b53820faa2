// The service as a library (tests, the e2e stack); src/index.ts is the process entrypoint.
export { type CreativeConfig, loadCreativeConfig } from "./config";
export { type CreativeService, createCreativeService } from "./server";
