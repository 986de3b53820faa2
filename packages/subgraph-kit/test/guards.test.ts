import { describe, expect, it } from "vitest";
import { requireRole, requireTenantMember } from "../src/guards";

const user = (tenantId: string | null, role: "EDITOR" | "VIEWER" | null) => ({
  kind: "user" as const,
  userId: "00000000-0000-4000-8000-000000000001",
  tenantId,
  role,
  sessionId: null,
  scopes: [],
});

describe("tenant guards", () => {
  it("admit a user with a tenant and a current role", () => {
    expect(requireTenantMember(user("t1", "VIEWER")).tenantId).toBe("t1");
  });

  it("refuse a user naming a tenant without a role in it, as the gateway forwards a removed member", () => {
    expect(() => requireTenantMember(user("t1", null))).toThrow(/Choose a tenant first/);
    expect(() => requireRole(user("t1", null), "VIEWER")).toThrow(/Choose a tenant first/);
  });

  it("refuse a demoted editor what needs EDITOR", () => {
    expect(() => requireRole(user("t1", "VIEWER"), "EDITOR")).toThrow(/EDITOR role or higher/);
  });
});
