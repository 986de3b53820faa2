import { describe, expect, it } from "vitest";
import {
  ConfigError,
  gatewayCallerConfigFrom,
  gatewayCallerEnvShape,
  loadConfig,
  serviceConfigFrom,
  serviceEnvShape,
  z,
} from "../src";

const schema = z.object({ ...serviceEnvShape(4009), ...gatewayCallerEnvShape, EXTRA: z.string().default("x") });

describe("the shared service environment", () => {
  it("fills the defaults, keeps the service's own port, and maps to the config object", () => {
    const parsed = loadConfig("demo", schema, { INTERNAL_JWT_PUBLIC_KEY: "pem", INTROSPECTION: "false" });
    expect(serviceConfigFrom(parsed)).toEqual({
      nodeEnv: "development",
      logLevel: "info",
      port: 4009,
      host: "0.0.0.0",
      databaseUrl: "postgresql://postgres@127.0.0.1:5432/atelier",
      databasePoolMax: 10,
      redisUrl: null,
      internalPublicKey: "pem",
      introspection: false,
      drainTimeoutMs: 10_000,
      otlpEndpoint: null,
      metricsPort: null,
    });
    expect(gatewayCallerConfigFrom(parsed)).toEqual({
      url: "http://localhost:4000/graphql",
      delegationPrivateKey: null,
      timeoutMs: 15_000,
    });
    expect(parsed.EXTRA).toBe("x");
  });

  it("lists every bad variable at once", () => {
    const error = (() => {
      try {
        loadConfig("demo", schema, { PORT: "70000", GATEWAY_URL: "not a url" });
      } catch (e) {
        return e as ConfigError;
      }
    })();
    expect(error).toBeInstanceOf(ConfigError);
    expect(error?.problems.map((p) => p.split(":")[0])).toEqual(["PORT", "INTERNAL_JWT_PUBLIC_KEY", "GATEWAY_URL"]);
  });
});
