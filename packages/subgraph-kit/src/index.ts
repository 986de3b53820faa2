export * from "./context";
export * from "./errors";
export { classifyError } from "./format-error";
export * from "./guards";
export { BodyTooLargeError, readBody, sendJson } from "./http-body";
export * from "./pagination";
export { runServiceProcess, type ServiceProcessOptions } from "./run-service";
export * from "./scalars";
export * from "./server";
