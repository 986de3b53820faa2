import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "./support/test-stack";

let stack: TestStack;
let auth: Record<string, string>;
beforeAll(async () => {
  stack = await startTestStack();
  auth = { authorization: `Bearer ${await stack.userToken()}` };
});
afterAll(() => stack.close());

describe("errors", () => {
  it("passes a subgraph's coded error through", async () => {
    const { status, body } = await stack.post({ query: "{ forbidden }" }, auth);
    expect(status).toBe(200);
    expect(body.errors[0]).toMatchObject({ message: "only admins may do this", extensions: { code: "FORBIDDEN" } });
  });

  it("masks the gateway's own failures, here an unreachable subgraph", async () => {
    await stack.subgraph.close();
    const { body } = await stack.post({ query: "{ whoami { kind } }" }, auth);
    expect(body.errors).toEqual([{ message: "Unexpected error.", extensions: { code: "INTERNAL_SERVER_ERROR" } }]);
    expect(JSON.stringify(body)).not.toContain("ECONNREFUSED");
  });
});
