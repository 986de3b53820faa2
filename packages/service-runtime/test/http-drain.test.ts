import { createServer, request } from "node:http";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import { trackHttpServer } from "../src/http-drain";

/** A server whose /slow answers after 300 ms and whose /ready says whether it is draining. */
async function startServer() {
  const server = createServer((req, res) => {
    if (req.url === "/ready") return void res.writeHead(drain.draining ? 503 : 200).end();
    setTimeout(() => res.end("done"), 300);
  });
  const drain = trackHttpServer(server);
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return { drain, port: (server.address() as AddressInfo).port };
}

function get(port: number, path: string): Promise<{ status: number; body: string; connection?: string }> {
  return new Promise((resolve, reject) => {
    request({ port, host: "127.0.0.1", path }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body, connection: res.headers.connection }));
    })
      .on("error", reject)
      .end();
  });
}

describe("draining an HTTP server", () => {
  it("finishes the requests in flight, telling their clients to close the connection", async () => {
    const { drain, port } = await startServer();
    const inFlight = [get(port, "/slow"), get(port, "/slow"), get(port, "/slow")];
    await new Promise((r) => setTimeout(r, 50));
    const drained = drain.drain(5_000);
    expect(await Promise.all(inFlight)).toEqual(Array(3).fill({ status: 200, body: "done", connection: "close" }));
    expect(await drained).toBe(true);
  });

  it("refuses new connections once draining", async () => {
    const { drain, port } = await startServer();
    const slow = get(port, "/slow");
    await new Promise((r) => setTimeout(r, 50));
    const drained = drain.drain(5_000);
    await expect(get(port, "/ready")).rejects.toThrow(/ECONNREFUSED/);
    await slow;
    await drained;
  });

  it("cuts requests still running at the limit, and says so", async () => {
    const server = createServer(() => {});
    const drain = trackHttpServer(server);
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    const hanging = get((server.address() as AddressInfo).port, "/never").catch((error: Error) => error);
    await new Promise((r) => setTimeout(r, 50));
    expect(drain.inFlight).toBe(1);
    expect(await drain.drain(200)).toBe(false);
    expect(await hanging).toBeInstanceOf(Error);
  });
});
