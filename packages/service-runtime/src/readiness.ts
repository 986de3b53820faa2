import type { ServerResponse } from "node:http";

/** A dependency the service cannot serve without; resolves when reachable, rejects with why not. */
export type ReadinessCheck = () => Promise<void>;

const CHECK_TIMEOUT_MS = 2_000;

function withTimeout(check: ReadinessCheck): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no answer within ${CHECK_TIMEOUT_MS} ms`)), CHECK_TIMEOUT_MS);
    check().then(
      () => {
        clearTimeout(timer);
        resolve();
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}

/** Runs every check; `ready` is false while draining or when any check fails. */
export async function checkReadiness(
  checks: Record<string, ReadinessCheck>,
  draining: boolean,
): Promise<{ ready: boolean; body: Record<string, unknown> }> {
  if (draining) return { ready: false, body: { status: "draining" } };
  const results = await Promise.all(
    Object.entries(checks).map(async ([name, check]) => {
      try {
        await withTimeout(check);
        return [name, "ok"] as const;
      } catch (error) {
        return [name, `unavailable: ${(error as Error)?.message ?? String(error)}`] as const;
      }
    }),
  );
  const ready = results.every(([, state]) => state === "ok");
  return { ready, body: { status: ready ? "ready" : "unavailable", checks: Object.fromEntries(results) } };
}

export async function sendReadinessOf(
  res: ServerResponse,
  checks: Record<string, ReadinessCheck>,
  draining: boolean,
): Promise<void> {
  const { ready, body } = await checkReadiness(checks, draining);
  res.writeHead(ready ? 200 : 503, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}
