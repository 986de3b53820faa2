import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { OpenAICompatibleEmbedder } from "../src/embedding/openai-compatible-embedder";

/** A stand-in for a third-party service speaking the OpenAI embeddings API, with scripted failures. */
let server: Server;
let baseUrl: string;
let script: { status: number; headers?: Record<string, string> }[] = [];
let requests: { body: { model: string; input: string[] }; auth: string | undefined; at: number }[] = [];

async function bodyOf(req: IncomingMessage) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return JSON.parse(Buffer.concat(chunks).toString("utf8"));
}

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const body = await bodyOf(req);
    requests.push({ body, auth: req.headers.authorization, at: Date.now() });
    const step = script.shift();
    if (step && step.status !== 200) {
      res.writeHead(step.status, { "content-type": "application/json", ...step.headers });
      return res.end(JSON.stringify({ error: { message: "scripted failure" } }));
    }
    // Answers in reverse order, as the API allows: the client must sort by index.
    const data = body.input
      .map((text: string, index: number) => ({ object: "embedding", index, embedding: [text.length, 1, 0, 0] }))
      .reverse();
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ object: "list", data, model: body.model }));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  script = [];
  requests = [];
});

const make = (extra: Partial<ConstructorParameters<typeof OpenAICompatibleEmbedder>[0]> = {}) =>
  new OpenAICompatibleEmbedder({
    baseUrl,
    model: "text-embedding-test",
    dimensions: 4,
    apiKey: "sk-test",
    initialBackoffMs: 20,
    ...extra,
  });

describe("OpenAICompatibleEmbedder", () => {
  it("embeds in batches, in input order, with the API key", async () => {
    const vectors = await make({ batchSize: 2 }).embed(["a", "bbb", "cc"]);
    expect(requests.map((r) => r.body.input)).toEqual([["a", "bbb"], ["cc"]]);
    expect(requests[0]!.auth).toBe("Bearer sk-test");
    expect(requests[0]!.body.model).toBe("text-embedding-test");
    expect(vectors.map((v) => Math.round((v[0]! / v[1]!) * 100) / 100)).toEqual([1, 3, 2]);
  });

  it("retries 429 honouring Retry-After, and 5xx with backoff", async () => {
    script = [{ status: 429, headers: { "retry-after": "0.3" } }, { status: 503 }, { status: 200 }];
    const [vector] = await make().embed(["hello"]);
    expect(vector).toHaveLength(4);
    expect(requests).toHaveLength(3);
    expect(requests[1]!.at - requests[0]!.at).toBeGreaterThanOrEqual(280);
  });

  it("gives up after maxRetries", async () => {
    script = [{ status: 500 }, { status: 500 }, { status: 500 }];
    await expect(make({ maxRetries: 2 }).embed(["x"])).rejects.toThrow(/500/);
    expect(requests).toHaveLength(3);
  });

  it("does not retry a client error", async () => {
    script = [{ status: 400 }];
    await expect(make().embed(["x"])).rejects.toThrow(/400/);
    expect(requests).toHaveLength(1);
  });

  it("refuses vectors of another dimension", async () => {
    await expect(make({ dimensions: 8 }).embed(["x"])).rejects.toThrow(/8 dimensions/);
  });
});
