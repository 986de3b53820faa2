import { type Role, roleAtLeast } from "@atelier/internal-auth";
import { ForbiddenError } from "@atelier/subgraph-kit";
import type { MemberActor } from "./identity-scope";

/** Whether `actor` may give or take away `role` (only an OWNER handles OWNER). */
export function assertMayManageRole(actor: MemberActor, ...roles: Role[]): void {
  if (roles.includes("OWNER") && !roleAtLeast(actor.role, "OWNER")) {
    throw new ForbiddenError("Only an OWNER can grant or remove the OWNER role.");
  }
}
