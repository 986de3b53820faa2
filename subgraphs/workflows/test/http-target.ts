import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface HttpCall {
  path: string;
  method: string | undefined;
  headers: Record<string, string | string[] | undefined>;
  idempotencyKey: string | undefined;
  body: unknown;
}

/**
 * A real HTTP endpoint for HTTP steps: records calls; /fail answers 400, /flaky 503 twice then
 * 200; /hold answers only once `releaseHeld()` was called.
 */
export async function startHttpTarget() {
  const calls: HttpCall[] = [];
  let flaky = 0;
  let holding = true;
  const held: (() => void)[] = [];
  const server: Server = createServer((req, res) => {
    let text = "";
    req.on("data", (chunk) => {
      text += chunk;
    });
    req.on("end", () => {
      const path = (req.url ?? "/").split("?")[0]!;
      calls.push({
        path,
        method: req.method,
        headers: req.headers,
        idempotencyKey: req.headers["idempotency-key"] as string | undefined,
        body: text ? JSON.parse(text) : null,
      });
      const status = path === "/fail" ? 400 : path === "/flaky" && flaky++ < 2 ? 503 : 200;
      const answer = () => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify({ ok: status === 200, path, echo: text ? JSON.parse(text) : null }));
      };
      if (path === "/hold" && holding) held.push(answer);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    calls,
    callsTo: (path: string) => calls.filter((c) => c.path === path),
    releaseHeld: () => {
      holding = false;
      for (const answer of held.splice(0)) answer();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
