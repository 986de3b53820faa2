import { ConflictError, requireUser } from "@atelier/subgraph-kit";
import type { User } from "../generated/prisma/client";
import type { AccountScope } from "../scope";
import { recordAudit } from "./record-audit";

export interface UpdateProfileInput {
  fullName?: string | null;
  username?: string | null;
  pictureUrl?: string | null;
  language?: string | null;
  timezone?: string | null;
}

export async function updateProfile(scope: AccountScope, input: UpdateProfileInput): Promise<User> {
  const { userId } = requireUser(scope);
  const data = Object.fromEntries(
    Object.entries(input).filter(([key, v]) => v != null || (key === "pictureUrl" && v === null)),
  );
  return scope.services.db.$transaction(async (tx) => {
    if (input.username) {
      const taken = await tx.user.findFirst({ where: { username: input.username, NOT: { id: userId } } });
      if (taken) throw new ConflictError("username: already taken.");
    }
    const user = await tx.user.update({ where: { id: userId }, data });
    await recordAudit(tx, scope, {
      tenantId: null,
      action: "user.update_profile",
      resourceType: "User",
      resourceId: userId,
      changes: data,
    });
    return user;
  });
}
