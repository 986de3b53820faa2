import { setTimeout as sleep } from "node:timers/promises";
import { z } from "@atelier/config";
import { DestinationRefusedError, guardedRequest } from "@atelier/outbound-fetch";
import { evaluateMapping, renderTemplate } from "./mapping";
import type { StepContext, StepEnvironment, StepOutcome, StepTypeDefinition } from "./step-type";

const config = z.object({
  /** May hold `{{pointer}}` slots. */
  url: z.string().min(1).max(2048),
  method: z.enum(["GET", "POST", "PUT", "PATCH", "DELETE"]).default("GET"),
  headers: z.record(z.string(), z.string().max(4096)).default({}),
  /** A mapping (see mapping.ts) sent as JSON. */
  body: z.unknown().optional(),
  timeoutMs: z.number().int().min(1).max(120_000).default(10_000),
  retries: z.number().int().min(0).max(5).default(0),
  /** A mapping over { status, headers, body } giving the step's output; default: that object. */
  responseMapping: z.unknown().optional(),
});
type HttpConfig = z.infer<typeof config>;

function request(cfg: HttpConfig, context: StepContext) {
  const url = renderTemplate(cfg.url, context);
  const headers = Object.fromEntries(
    Object.entries(cfg.headers).map(([k, v]) => [k.toLowerCase(), renderTemplate(v, context)]),
  );
  const body = cfg.body === undefined ? undefined : evaluateMapping(cfg.body, context);
  return { url, method: cfg.method, headers, body };
}

async function attempt(cfg: HttpConfig, context: StepContext, idempotencyKey: string, env: StepEnvironment) {
  const req = request(cfg, context);
  const res = await guardedRequest({
    url: req.url,
    method: req.method,
    headers: {
      ...(req.body !== undefined ? { "content-type": "application/json" } : {}),
      ...req.headers,
      "idempotency-key": idempotencyKey,
    },
    body: req.body === undefined ? undefined : JSON.stringify(req.body),
    signal: AbortSignal.timeout(cfg.timeoutMs),
    allowedHosts: env.httpAllowedHosts,
    allowedHostsSetting: "HTTP_STEP_ALLOWED_HOSTS",
  });
  let body: unknown = res.text;
  try {
    body = res.text ? JSON.parse(res.text) : null;
  } catch {
    // Not JSON: keep the text.
  }
  return { status: res.status, headers: res.headers, body };
}

/**
 * Calls an HTTP endpoint; 5xx, 429 and network errors are retried with backoff. Only public
 * addresses are reached unless the host is in HTTP_STEP_ALLOWED_HOSTS (@atelier/outbound-fetch).
 */
export const httpRequestStep: StepTypeDefinition<HttpConfig> = {
  type: "HTTP_REQUEST",
  pure: false,
  config,
  describeInput: (cfg, context) => {
    const { url, method, body } = request(cfg, context);
    return { url, method, body: body ?? null };
  },
  async execute({ config: cfg, context, idempotencyKey, env }): Promise<StepOutcome> {
    let lastError = "";
    for (let n = 0; n <= cfg.retries; n++) {
      if (n > 0) await sleep(Math.min(200 * 2 ** (n - 1), 5_000));
      try {
        const response = await attempt(cfg, context, idempotencyKey, env);
        if (response.status < 400) {
          const output =
            cfg.responseMapping === undefined
              ? response
              : evaluateMapping(cfg.responseMapping, { ...context, response });
          return { kind: "done", output, attempts: n + 1 };
        }
        lastError = `HTTP ${response.status} from ${request(cfg, context).url}`;
        if (response.status < 500 && response.status !== 429)
          return { kind: "failed", error: lastError, attempts: n + 1 };
      } catch (error) {
        if (error instanceof DestinationRefusedError) return { kind: "failed", error: error.message, attempts: n + 1 };
        const e = error as Error;
        const timedOut =
          e.name === "TimeoutError" ||
          (e.name === "AbortError" && e.cause instanceof Error && e.cause.name === "TimeoutError");
        lastError = timedOut ? `timed out after ${cfg.timeoutMs} ms` : `request failed: ${e.message}`;
      }
    }
    return { kind: "failed", error: lastError, attempts: cfg.retries + 1 };
  },
};
