import type { IdentityContext } from "../context";
import type { Db } from "../data/db";
import type { Session } from "../generated/prisma/client";
import { recordAudit } from "./record-audit";

export function recordSignIn(tx: Db, ctx: IdentityContext, session: Session, method: string): Promise<void> {
  return recordAudit(tx, ctx, {
    tenantId: session.tenantId,
    actorUserId: session.userId,
    action: "session.create",
    resourceType: "Session",
    resourceId: session.id,
    changes: { method, device: session.device },
  });
}
