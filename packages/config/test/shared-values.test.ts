import { describe, expect, it } from "vitest";
import {
  type ConfigError,
  loadConfig,
  nonNegativeInt,
  oidcIssuersEnv,
  positiveInt,
  processConfigFrom,
  processEnvShape,
  z,
} from "../src";

const schema = z.object({
  ...processEnvShape(4000),
  SIZE: positiveInt(5),
  LIMIT: nonNegativeInt(7),
  OIDC_ISSUERS: oidcIssuersEnv,
});

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig("demo", schema, env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems;
  }
};

describe("the values every service shares", () => {
  it("fills the defaults of the process variables and the shared number kinds", () => {
    const parsed = loadConfig("demo", schema, {});
    expect(processConfigFrom(parsed)).toEqual({
      nodeEnv: "development",
      logLevel: "info",
      port: 4000,
      host: "0.0.0.0",
      drainTimeoutMs: 10_000,
      otlpEndpoint: null,
    });
    expect([parsed.SIZE, parsed.LIMIT, parsed.OIDC_ISSUERS]).toEqual([5, 7, []]);
  });

  it("takes 0 where a limit may be off, never where a size must be positive", () => {
    expect(loadConfig("demo", schema, { LIMIT: "0" }).LIMIT).toBe(0);
    expect(problemsOf({ SIZE: "0" }).map((p) => p.split(":")[0])).toEqual(["SIZE"]);
  });

  it("reads OIDC issuers from JSON and says what was expected", () => {
    const issuer = { issuer: "https://idp.example", jwksUri: "https://idp.example/jwks", audience: ["atelier"] };
    expect(loadConfig("demo", schema, { OIDC_ISSUERS: JSON.stringify([issuer]) }).OIDC_ISSUERS).toEqual([issuer]);
    expect(problemsOf({ OIDC_ISSUERS: "[{" })).toEqual(["OIDC_ISSUERS: not valid JSON"]);
    expect(problemsOf({ OIDC_ISSUERS: '[{"issuer":"x"}]' })[0]).toMatch(
      /^OIDC_ISSUERS: expected \[\{ issuer, jwksUri, audience \}\]: /,
    );
  });
});
