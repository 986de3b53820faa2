import type { Logger } from "@atelier/logging";
import type { IdentityInternalClient } from "../auth/identity-internal-client";

export interface UsageSample {
  tenantId: string;
  apiClientId: string;
  operationId: string | null;
  operationName: string | null;
  ok: boolean;
  latencyMs: number;
}

export interface UsageRow {
  tenantId: string;
  apiClientId: string;
  operationId: string | null;
  operationName: string | null;
  windowStart: string;
  calls: number;
  errors: number;
  totalLatencyMs: number;
  maxLatencyMs: number;
}

const WINDOW_MS = 60_000;
// identity's internal endpoints accept 16 KB bodies; a row is ~300 bytes.
const ROWS_PER_CALL = 25;

/** Calls, errors and latency per client, operation and minute, sent to identity in batches. */
export function createUsageRecorder(opts: { identity: IdentityInternalClient; flushMs: number; logger: Logger }) {
  let rows = new Map<string, UsageRow>();
  let flushing: Promise<void> = Promise.resolve();

  function record(sample: UsageSample): void {
    const windowStart = new Date(Math.floor(Date.now() / WINDOW_MS) * WINDOW_MS).toISOString();
    const key = [sample.apiClientId, sample.operationId, sample.operationName, windowStart].join("\n");
    let row = rows.get(key);
    if (!row) {
      const { tenantId, apiClientId, operationId, operationName } = sample;
      row = {
        tenantId,
        apiClientId,
        operationId,
        operationName,
        windowStart,
        calls: 0,
        errors: 0,
        totalLatencyMs: 0,
        maxLatencyMs: 0,
      };
      rows.set(key, row);
    }
    const latency = Math.round(sample.latencyMs);
    row.calls++;
    if (!sample.ok) row.errors++;
    row.totalLatencyMs += latency;
    row.maxLatencyMs = Math.max(row.maxLatencyMs, latency);
  }

  async function send(batch: UsageRow[]): Promise<void> {
    for (let i = 0; i < batch.length; i += ROWS_PER_CALL) {
      const chunk = batch.slice(i, i + ROWS_PER_CALL);
      try {
        const result = await opts.identity.post("/internal/persisted-operations/usage", { rows: chunk });
        if (!result.ok) opts.logger.warn({ status: result.status }, "identity refused usage rows");
      } catch (error) {
        // Usage is telemetry: a lost batch must not hold requests or memory hostage.
        opts.logger.warn({ err: error, rows: chunk.length }, "could not deliver usage rows");
      }
    }
  }

  function flush(): Promise<void> {
    const batch = [...rows.values()];
    rows = new Map();
    if (batch.length > 0) flushing = flushing.then(() => send(batch));
    return flushing;
  }

  const timer = setInterval(() => void flush(), opts.flushMs);
  timer.unref();
  return {
    record,
    flush,
    async stop() {
      clearInterval(timer);
      await flush();
    },
  };
}

export type UsageRecorder = ReturnType<typeof createUsageRecorder>;
