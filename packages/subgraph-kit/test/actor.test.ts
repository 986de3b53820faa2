import type { Identity } from "@atelier/internal-auth";
import { describe, expect, it } from "vitest";
import { requireReader, requireRole, requireWriter, systemActor, tenantActor } from "../src";

const TENANT = "7d3f2a9e-1c4b-4e5a-9f60-2b8c7d1e0a11";
const user = (role: "OWNER" | "EDITOR" | "VIEWER"): Identity => ({
  kind: "user",
  userId: "u1",
  tenantId: TENANT,
  role,
  sessionId: null,
  scopes: [],
});
const client = (scopes: string[]): Identity => ({ kind: "apiClient", apiClientId: "c1", tenantId: TENANT, scopes });

describe("the actor", () => {
  it("is built from the verified identity, with the audit fields a scope needs", () => {
    expect(tenantActor(user("EDITOR"), "r1")).toMatchObject({
      kind: "user",
      tenantId: TENANT,
      actorType: "USER",
      actorId: "u1",
      role: "EDITOR",
      requestId: "r1",
    });
    expect(tenantActor(client(["creative:read"]), null)).toMatchObject({ actorType: "API_CLIENT", actorId: "c1" });
    expect(systemActor(TENANT, "workflows")).toMatchObject({ actorType: "SYSTEM", actorId: null });
  });

  it("refuses anyone without a tenant", () => {
    expect(() => tenantActor({ kind: "anonymous" }, null)).toThrow(/authenticated|sign in/i);
    expect(() => tenantActor({ ...user("EDITOR"), tenantId: null, role: null } as Identity, null)).toThrow(/tenant/);
  });

  it("is checked by the same guards as an identity", () => {
    expect(() => requireRole(tenantActor(user("EDITOR"), null), "ADMIN")).toThrow(/ADMIN role/);
    expect(requireRole(tenantActor(user("OWNER"), null), "ADMIN").userId).toBe("u1");
    expect(() => requireWriter(tenantActor(user("VIEWER"), null), "creative")).toThrow(/EDITOR role/);
    expect(() => requireWriter(tenantActor(client(["creative:read"]), null), "creative")).toThrow(/creative:write/);
    expect(requireWriter(tenantActor(client(["creative:write"]), null), "creative").kind).toBe("apiClient");
    expect(() => requireReader(tenantActor(client(["knowledge:read"]), null), "creative")).toThrow(/creative:read/);
    expect(() => requireReader(systemActor(TENANT, "x"), "creative")).toThrow();
  });
});
