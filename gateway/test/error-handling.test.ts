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

  it("names an unreachable subgraph with a retryable code, without its connection details", async () => {
    await stack.subgraph.close();
    const { body } = await stack.post({ query: "{ whoami { kind } }" }, auth);
    expect(body.errors).toEqual([
      {
        message: "The echo service is unavailable; try again shortly.",
        extensions: { code: "SUBGRAPH_UNAVAILABLE", serviceName: "echo", retryable: true },
      },
    ]);
    expect(JSON.stringify(body)).not.toContain("ECONNREFUSED");
  });
});
