import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A stand-in for a third-party embedding provider (the OpenAI `/embeddings` API) whose
 * behaviour a test sets: answer, answer `okBatches` times and then fail, refuse, or hang.
 */
export type ProviderMode = { kind: "ok" } | { kind: "failAfter"; okBatches: number; status: number } | { kind: "hang" };

export interface EmbeddingProviderStub {
  baseUrl: string;
  requests: number;
  /** Sets how the following requests are answered (and restarts the count of `okBatches`). */
  setMode(mode: ProviderMode): void;
  close(): Promise<void>;
}

async function bodyOf(req: IncomingMessage): Promise<{ input: string[]; model: string }> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

export async function startEmbeddingProvider(dimensions: number): Promise<EmbeddingProviderStub> {
  let answered = 0;
  let mode: ProviderMode = { kind: "ok" };
  const stub: EmbeddingProviderStub = {
    baseUrl: "",
    requests: 0,
    setMode(next) {
      mode = next;
      answered = 0;
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  const server = createServer(async (req, res) => {
    const body = await bodyOf(req);
    stub.requests++;
    if (mode.kind === "hang") return;
    if (mode.kind === "failAfter" && answered >= mode.okBatches) {
      res.writeHead(mode.status, { "content-type": "application/json" });
      return res.end(JSON.stringify({ error: { message: "scripted failure" } }));
    }
    answered++;
    const data = body.input.map((text, index) => ({
      object: "embedding",
      index,
      embedding: Array.from({ length: dimensions }, (_, d) => ((text.length + d) % 7) + 1),
    }));
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ object: "list", data, model: body.model }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  stub.baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
  return stub;
}
