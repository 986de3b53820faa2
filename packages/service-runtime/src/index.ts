export { logAccess } from "./access-log";
export { graphqlMetricsPlugin } from "./graphql-metrics-plugin";
export { type HttpDrain, trackHttpServer } from "./http-drain";
export { collectJobQueueMetrics, type QueryRows } from "./job-queue-metrics";
export * from "./metrics";
export { type OperationalServer, startOperationalServer } from "./operational-server";
export { checkReadiness, type ReadinessCheck, sendReadinessOf } from "./readiness";
export { type Stoppable, stopOnSignals } from "./shutdown";
export * from "./tracing";
