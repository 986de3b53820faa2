import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * The outside service a workflow's HTTP steps call: it records every request (run, step) and
 * answers after `answerAfterMs`, so a worker can be killed while requests are in flight.
 */
export async function startEffectTarget(answerAfterMs: number) {
  const requests: { runId: string; step: string }[] = [];
  const server: Server = createServer((req, res) => {
    let text = "";
    req.on("data", (chunk) => {
      text += chunk;
    });
    req.on("end", () => {
      const body = text ? (JSON.parse(text) as { runId: string; step: string }) : { runId: "?", step: "?" };
      requests.push(body);
      setTimeout(() => {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ ok: true }));
      }, answerAfterMs);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
