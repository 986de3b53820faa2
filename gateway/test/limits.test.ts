import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestStack, type TestStack } from "./support/test-stack";

let stack: TestStack;
let auth: Record<string, string>;
beforeAll(async () => {
  stack = await startTestStack({
    MAX_DEPTH: "5",
    MAX_ALIASES: "3",
    MAX_TOKENS: "200",
    MAX_BATCH: "2",
    MAX_BODY_BYTES: "4096",
    MAX_COST: "100",
  });
  auth = { authorization: `Bearer ${await stack.userToken()}` };
});
afterAll(() => stack.close());

const nested = (levels: number) => `{ deep ${"{ child ".repeat(levels - 2)}{ id }${" }".repeat(levels - 2)} }`;

describe("request limits", () => {
  it("accepts an operation at the maximum depth", async () => {
    const { status, body } = await stack.post({ query: nested(5) }, auth);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
  });

  it("refuses an operation deeper than the maximum, fragments included", async () => {
    const query = `{ deep { ...A } } fragment A on Node { child { child { child { child { id } } } } }`;
    const { status, body } = await stack.post({ query }, auth);
    expect(status).toBe(400);
    expect(body.errors[0].message).toBe("operation depth 6 exceeds the maximum depth of 5");
    expect(body.errors[0].extensions).toMatchObject({ code: "BAD_USER_INPUT", limit: "MAX_DEPTH" });
  });

  it("refuses too many aliases", async () => {
    const { status, body } = await stack.post({ query: "{ a: health b: health c: health d: health }" }, auth);
    expect(status).toBe(400);
    expect(body.errors[0].message).toBe("operation uses 4 aliases; the maximum is 3");
  });

  it("refuses too many tokens before parsing further", async () => {
    const query = `{ ${"health ".repeat(250)} }`;
    const { status, body } = await stack.post({ query }, auth);
    expect(status).toBe(400);
    expect(body.errors[0].message).toBe("operation has more than 200 tokens, the maximum (MAX_TOKENS)");
  });

  it("refuses an operation over the maximum cost", async () => {
    const { status, body } = await stack.post({ query: "{ items(first: 50) { id child { id } } }" }, auth);
    expect(status).toBe(400);
    expect(body.errors[0].message).toBe("operation cost 151 exceeds the maximum cost of 100");
  });

  it("prices a page by its variable size", async () => {
    const query = "query ($n: Int) { items(first: $n) { id } }";
    expect((await stack.post({ query, variables: { n: 5 } }, auth)).status).toBe(200);
    expect((await stack.post({ query, variables: { n: 500 } }, auth)).status).toBe(400);
  });

  it("runs a batch up to the maximum and refuses a larger one", async () => {
    const one = { query: "{ health }" };
    const ok = await stack.post([one, one], auth);
    expect(ok.status).toBe(200);
    expect(ok.body).toHaveLength(2);
    const tooMany = await stack.post([one, one, one], auth);
    expect(tooMany.status).toBe(400);
    expect(tooMany.body.errors[0].message).toBe("batch of 3 operations exceeds the maximum batch size of 2");
  });

  it("refuses a body over the maximum size with 413", async () => {
    const { status, body } = await stack.post({ query: "{ health }", variables: { pad: "x".repeat(5000) } }, auth);
    expect(status).toBe(413);
    expect(body.errors[0].message).toBe("request body exceeds the maximum of 4096 bytes");
  });
});

describe("introspection", () => {
  it("is on by default outside production, with field suggestions", async () => {
    const { body } = await stack.post({ query: "{ __schema { queryType { name } } }" });
    expect(body.data.__schema.queryType.name).toBe("Query");
    const misspelt = await stack.post({ query: "{ whoam { kind } }" }, auth);
    expect(misspelt.body.errors[0].message).toMatch(/Did you mean "whoami"/);
  });

  it("is refused when turned off", async () => {
    const closed = await startTestStack({ INTROSPECTION: "false" });
    try {
      const token = await closed.userToken();
      const { status, body } = await closed.post(
        { query: "{ __schema { queryType { name } } }" },
        { authorization: `Bearer ${token}` },
      );
      expect(status).toBe(400);
      expect(body.errors[0].message).toMatch(/introspection/i);
      const anonymous = await closed.post({ query: '{ __type(name: "Query") { name } }' });
      expect(anonymous.status).toBe(400);
      const misspelt = await closed.post({ query: "{ whoam { kind } }" }, { authorization: `Bearer ${token}` });
      expect(misspelt.body.errors[0].message).toMatch(/Cannot query field "whoam"/);
      expect(misspelt.body.errors[0].message).not.toMatch(/Did you mean/);
    } finally {
      await closed.close();
    }
  });
});
