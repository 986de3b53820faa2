import { createDelegationSigner, generateInternalKeyPair } from "@atelier/internal-auth";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createGateway } from "../src/server";
import { type IdentityStack, startIdentityStack } from "./support/identity-stack";
import { subscribe } from "./support/ws-client";

const workflowsKeys = generateInternalKeyPair();
const strangerKeys = generateInternalKeyPair();
const workflows = createDelegationSigner({ service: "workflows", privateKey: workflowsKeys.privateKey });

let stack: IdentityStack;
let admin: Awaited<ReturnType<IdentityStack["signUpAdmin"]>>;
let other: Awaited<ReturnType<IdentityStack["signUpAdmin"]>>;
beforeAll(async () => {
  stack = await startIdentityStack({
    DELEGATION_PUBLIC_KEYS: JSON.stringify({ workflows: workflowsKeys.publicKey }),
    RATE_LIMIT_USER_CAPACITY: "0",
  });
  admin = await stack.signUpAdmin();
  other = await stack.signUpAdmin("other");
}, 120_000);
afterAll(() => stack?.close());

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const asAdmin = () => ({ kind: "user" as const, userId: admin.userId, tenantId: admin.tenantId });

describe("service delegations", () => {
  it("act as the user with the role identity holds now, naming the service", async () => {
    const token = await workflows.sign({ actor: asAdmin(), fields: ["Query.catalogCaller"] });
    const { status, body } = await stack.post({ query: "{ catalogCaller }" }, bearer(token));
    expect(status).toBe(200);
    expect(body.data.catalogCaller).toBe(`user:${admin.userId}:OWNER:via workflows`);
  });

  it("refuse a root field the delegation does not name, before any subgraph is called", async () => {
    const token = await workflows.sign({ actor: asAdmin(), fields: ["Query.catalogCaller"] });
    const { status, body } = await stack.post({ query: "{ catalogCaller catalogItems { id } }" }, bearer(token));
    expect(status).toBe(403);
    expect(body.errors[0].extensions.code).toBe("FORBIDDEN");
    expect(body.errors[0].message).toContain("Query.catalogItems");
    const mutation = await stack.post(
      { query: `mutation { createApiClient(input: { name: "x", scopes: [] }) { apiKey } }` },
      bearer(token),
    );
    expect(mutation.body.errors[0].extensions.code).toBe("FORBIDDEN");
  });

  it("refuse an actor who is not a member of the tenant named", async () => {
    const token = await workflows.sign({
      actor: { kind: "user", userId: admin.userId, tenantId: other.tenantId },
      fields: ["Query.catalogCaller"],
    });
    const { status, body } = await stack.post({ query: "{ catalogCaller }" }, bearer(token));
    expect(status).toBe(401);
    expect(body.errors[0].extensions.code).toBe("UNAUTHENTICATED");
  });

  it("refuse services the gateway holds no key for, and keys that are not the service's", async () => {
    const knowledge = createDelegationSigner({ service: "knowledge", privateKey: strangerKeys.privateKey });
    const impostor = createDelegationSigner({ service: "workflows", privateKey: strangerKeys.privateKey });
    for (const signer of [knowledge, impostor]) {
      const token = await signer.sign({ actor: asAdmin(), fields: ["Query.catalogCaller"] });
      const { status } = await stack.post({ query: "{ catalogCaller }" }, bearer(token));
      expect(status).toBe(401);
    }
  });

  it("send documents even where persisted operations are required of users", async () => {
    const config = stack.config;
    const strict = await createGateway({
      ...config,
      persistedOperations: { ...config.persistedOperations, requireIds: true },
    });
    try {
      const token = await workflows.sign({ actor: asAdmin(), fields: ["Query.catalogCaller"] });
      const { body } = await stack.post({ query: "{ catalogCaller }" }, bearer(token), strict.url);
      expect(body.data.catalogCaller).toContain("via workflows");
      const user = await stack.post({ query: "{ catalogCaller }" }, admin.bearer, strict.url);
      expect(user.body.errors[0].extensions.code).toBe("PERSISTED_QUERY_NOT_ALLOWED");
    } finally {
      await strict.stop();
    }
  });

  it("may not hold a subscription open: the socket closes with 4403", async () => {
    const token = await workflows.sign({ actor: asAdmin(), fields: ["Subscription.workflowRunUpdated"] });
    const sub = subscribe<unknown>(stack.gateway.url.replace("http", "ws"), token, "subscription { __typename }", {});
    await expect.poll(() => sub.closes[0]?.code, { timeout: 5_000 }).toBe(4403);
    expect(sub.values).toEqual([]);
  });
});
