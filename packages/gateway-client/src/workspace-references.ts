import type { DelegatedActor } from "@atelier/internal-auth";
import { type GatewayClient, GatewayRequestError } from "./gateway-client";

const NOT_VISIBLE = new Set(["NOT_FOUND", "BAD_USER_INPUT", "FORBIDDEN", "UNAUTHENTICATED"]);
const WORKSPACE = "query WorkspaceReference($id: ID!) { workspace(id: $id) { id } }";

/** Answers whether a workspace id (creative owns workspaces) names one the actor can see. */
export type WorkspaceReferences = (actor: DelegatedActor, workspaceId: string) => Promise<boolean>;

/**
 * Checks a workspace reference through the gateway as the actor, so creative's own rules decide
 * (the tenant, and whatever else limits what the actor sees). A yes is remembered per tenant and
 * workspace for `ttlMs` (workspaces are rarely deleted, and a reference is only a pointer); a no
 * is never remembered, so a workspace created a moment ago is found.
 */
export function createWorkspaceReferences(gateway: GatewayClient, opts: { ttlMs?: number } = {}): WorkspaceReferences {
  const ttlMs = opts.ttlMs ?? 30_000;
  const seen = new Map<string, number>();
  return async (actor, workspaceId) => {
    const key = `${actor.tenantId}:${workspaceId}`;
    const until = seen.get(key);
    if (until !== undefined && until > Date.now()) return true;
    let data: { workspace: { id: string } | null };
    try {
      data = await gateway.request({
        actor,
        fields: ["Query.workspace"],
        query: WORKSPACE,
        operationName: "WorkspaceReference",
        variables: { id: workspaceId },
      });
    } catch (error) {
      // Refused for the actor (gone, unscoped, malformed id): they cannot see it. Outages throw.
      if (error instanceof GatewayRequestError && NOT_VISIBLE.has(error.code)) return false;
      throw error;
    }
    if (!data.workspace) return false;
    if (seen.size > 10_000) seen.delete(seen.keys().next().value as string);
    seen.set(key, Date.now() + ttlMs);
    return true;
  };
}
