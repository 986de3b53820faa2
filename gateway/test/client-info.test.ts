import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type IdentityStack, startIdentityStack } from "./support/identity-stack";

let stack: IdentityStack;
beforeAll(async () => {
  stack = await startIdentityStack({ TRUST_PROXY_HOPS: "1", RATE_LIMIT_USER_CAPACITY: "0" });
}, 120_000);
afterAll(() => stack?.close());

const SESSIONS = "{ mySessions { ipAddress userAgent current } }";

describe("the end client, forwarded to subgraphs", () => {
  it("records the address the trusted proxy saw and the user agent on the session", async () => {
    const admin = await stack.signUpAdmin("client-info");
    const headers = {
      ...admin.bearer,
      "user-agent": "AtelierStudio/2.1 (macOS)",
      // The client wrote the first entry itself; only the proxy's own entry is trusted.
      "x-forwarded-for": "10.9.9.9, 203.0.113.7",
    };
    const { body } = await stack.post({ query: SESSIONS }, headers);
    expect(body.errors).toBeUndefined();
    // signUp went through without these headers: the socket's peer and Node's fetch user agent.
    expect(body.data.mySessions).toEqual([{ ipAddress: "127.0.0.1", userAgent: "node", current: true }]);

    const login = await stack.post(
      {
        query: `mutation($input: RefreshSessionInput!) { refreshSession(input: $input) { session { ipAddress userAgent } } }`,
        variables: { input: { refreshToken: admin.refreshToken } },
      },
      { "user-agent": headers["user-agent"], "x-forwarded-for": headers["x-forwarded-for"] },
    );
    expect(login.body.errors).toBeUndefined();
    expect(login.body.data.refreshSession.session).toEqual({
      ipAddress: "203.0.113.7",
      userAgent: "AtelierStudio/2.1 (macOS)",
    });
  });
});
