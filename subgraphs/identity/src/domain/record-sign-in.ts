import type { Db } from "../data/db";
import type { Session } from "../generated/prisma/client";
import type { AccountScope } from "../scope";
import { recordAudit } from "./record-audit";

export function recordSignIn(tx: Db, scope: AccountScope, session: Session, method: string): Promise<void> {
  return recordAudit(tx, scope, {
    tenantId: session.tenantId,
    actorUserId: session.userId,
    action: "session.create",
    resourceType: "Session",
    resourceId: session.id,
    changes: { method, device: session.device },
  });
}
