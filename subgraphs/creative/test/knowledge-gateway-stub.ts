import { randomUUID } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { createDelegationVerifier, type Delegation, generateInternalKeyPair } from "@atelier/internal-auth";

export type KnowledgeAnswer = "document" | "refuse" | "outage";

/**
 * A stand-in for the gateway in front of knowledge, over real HTTP: it verifies creative's
 * delegation and records each call, then answers as knowledge would (a document), refuses the
 * asset (BAD_USER_INPUT) or is down (503).
 */
export async function startKnowledgeGatewayStub() {
  const keys = generateInternalKeyPair();
  const verifier = createDelegationVerifier({ creative: keys.publicKey });
  const stub = {
    url: "",
    privateKey: keys.privateKey,
    answer: "document" as KnowledgeAnswer,
    calls: [] as { delegation: Delegation; variables: Record<string, unknown> }[],
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    const reply = (status: number, payload: unknown) =>
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(payload));
    let delegation: Delegation;
    try {
      delegation = await verifier.verify((req.headers.authorization ?? "").replace(/^Bearer /, ""));
    } catch (error) {
      return reply(200, { errors: [{ message: (error as Error).message, extensions: { code: "UNAUTHENTICATED" } }] });
    }
    stub.calls.push({ delegation, variables: body.variables });
    if (stub.answer === "outage") return reply(503, { errors: [{ message: "knowledge is down" }] });
    if (stub.answer === "refuse") {
      return reply(200, {
        errors: [{ message: "assetId: text/csv cannot be ingested", extensions: { code: "BAD_USER_INPUT" } }],
      });
    }
    reply(200, {
      data: { createDocumentFromAsset: { created: true, document: { id: randomUUID(), status: "PENDING" } } },
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  stub.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  return stub;
}
