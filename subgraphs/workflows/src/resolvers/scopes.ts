import type { Role } from "@atelier/internal-auth";
import { requireReader, requireRole } from "@atelier/subgraph-kit";
import type { Context } from "../context";
import type { WorkflowScope } from "../scope";

/** The scope of a reader of the tenant's data: any member, or an API client with `workflows:read`. */
export function readerScope(ctx: Context): WorkflowScope {
  const scope = ctx.scope();
  requireReader(scope.actor, "workflows");
  return scope;
}

/**
 * The scope of a user with at least `role` (EDITOR for writes, ADMIN for configuration), checked
 * before the input is, as it always was; the domain function checks it again on its first line.
 */
export function writerScope(ctx: Context, role: Role = "EDITOR"): WorkflowScope {
  const scope = ctx.scope();
  requireRole(scope.actor, role);
  return scope;
}
