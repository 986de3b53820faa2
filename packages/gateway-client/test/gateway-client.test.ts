import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createDelegationSigner, createDelegationVerifier, generateInternalKeyPair } from "@atelier/internal-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGatewayClient, GatewayRequestError } from "../src";

const keys = generateInternalKeyPair();
const verifier = createDelegationVerifier({ creative: keys.publicKey });
const signer = createDelegationSigner({ service: "creative", privateKey: keys.privateKey });
const actor = { kind: "user" as const, userId: "u1", tenantId: "t1" };
let server: Server;
let url: string;

/** A stand-in gateway: verifies the delegation, then answers by the operation name. */
beforeAll(async () => {
  server = createServer(async (req, res) => {
    let raw = "";
    for await (const chunk of req) raw += chunk;
    const { operationName, variables } = JSON.parse(raw);
    const reply = (status: number, body: unknown) =>
      res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    const delegation = await verifier.verify(String(req.headers.authorization).replace("Bearer ", ""));
    if (operationName === "Echo") return reply(200, { data: { delegation, variables } });
    if (operationName === "Forbidden")
      return reply(200, { data: null, errors: [{ message: "no", extensions: { code: "FORBIDDEN" } }] });
    if (operationName === "Limited")
      return reply(429, { errors: [{ message: "slow down", extensions: { code: "RATE_LIMITED" } }] });
    reply(502, "bad gateway");
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

const request = (operationName: string, at = url) =>
  createGatewayClient({ url: at, signer, timeoutMs: 2_000 }).request<Record<string, unknown>>({
    actor,
    fields: ["Query.asset"],
    query: `query ${operationName} { asset(id: "a") { id } }`,
    operationName,
    variables: { id: "a" },
  });

describe("gateway client", () => {
  it("sends a delegation for the actor and the named fields, and returns data", async () => {
    const data = await request("Echo");
    expect(data.delegation).toMatchObject({ service: "creative", actor, fields: ["Query.asset"] });
    expect(data.variables).toEqual({ id: "a" });
  });

  it("surfaces GraphQL errors with their code, not retryable", async () => {
    const error = await request("Forbidden").catch((e) => e);
    expect(error).toBeInstanceOf(GatewayRequestError);
    expect(error).toMatchObject({ code: "FORBIDDEN", retryable: false, message: "no" });
  });

  it("marks rate limits, bad gateways and unreachable gateways retryable", async () => {
    await expect(request("Limited")).rejects.toMatchObject({ code: "RATE_LIMITED", retryable: true });
    await expect(request("Other")).rejects.toMatchObject({ code: "GATEWAY_UNAVAILABLE", retryable: true });
    await expect(request("Echo", "http://127.0.0.1:1/graphql")).rejects.toMatchObject({
      code: "GATEWAY_UNAVAILABLE",
      retryable: true,
    });
  });
});
