import {
  envFlag,
  gatewayCallerConfigFrom,
  gatewayCallerEnvShape,
  loadConfig,
  positiveInt,
  serviceConfigFrom,
  serviceEnvShape,
  z,
} from "@atelier/config";
import { allowedHostsEnv } from "@atelier/outbound-fetch";

const workflowsEnvSchema = z.object({
  ...serviceEnvShape(4003),
  /** KNOWLEDGE_SEARCH and GENERATION_REQUEST steps call the gateway as the run's user. */
  ...gatewayCallerEnvShape,
  /** Run the step executor inside the service process (the embedded default). */
  RUN_WORKER: envFlag(true),
  /** Run jobs executed at once per worker process (a waiting delay holds none). */
  WORKER_CONCURRENCY: positiveInt(8),
  /** pg-boss 10 polls at most every 0.5 s. */
  WORKER_POLLING_INTERVAL_SECONDS: z.coerce.number().min(0.5).max(30).default(0.5),
  /** A run job still executing after this long is given up and retried (a dead worker's jobs return within seconds, by lease). */
  JOB_EXPIRE_SECONDS: positiveInt(900),
  /** Times a failing run job is retried before it is dead-lettered and its run FAILED. */
  JOB_RETRY_LIMIT: z.coerce.number().int().min(0).max(20).default(3),
  /** HTTP steps reach only public addresses, but for these (`host`, `host:port`, `*.domain`, `*`). */
  /** Comma-separated host patterns HTTP steps may reach even at non-public addresses. */
  HTTP_STEP_ALLOWED_HOSTS: allowedHostsEnv,
  /** Between looks at a generation request a GENERATION_REQUEST step waits for. */
  GATEWAY_POLL_SECONDS: z.coerce.number().min(0.5).max(300).default(2),
});

export function loadWorkflowsConfig(env: Record<string, string | undefined>) {
  const parsed = loadConfig("workflows", workflowsEnvSchema, env);
  return {
    ...serviceConfigFrom(parsed),
    worker: {
      runInProcess: parsed.RUN_WORKER,
      concurrency: parsed.WORKER_CONCURRENCY,
      pollingIntervalSeconds: parsed.WORKER_POLLING_INTERVAL_SECONDS,
      jobExpireSeconds: parsed.JOB_EXPIRE_SECONDS,
      jobRetryLimit: parsed.JOB_RETRY_LIMIT,
    },
    httpStep: { allowedHosts: parsed.HTTP_STEP_ALLOWED_HOSTS },
    gateway: {
      ...gatewayCallerConfigFrom(parsed),
      pollSeconds: parsed.GATEWAY_POLL_SECONDS,
    },
  };
}

export type WorkflowsConfig = ReturnType<typeof loadWorkflowsConfig>;
