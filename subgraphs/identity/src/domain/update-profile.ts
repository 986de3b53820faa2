import { ConflictError } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import type { User } from "../generated/prisma/client";
import { recordAudit } from "./record-audit";
import { requireSignedIn } from "./require-signed-in";

export interface UpdateProfileInput {
  fullName?: string | null;
  username?: string | null;
  pictureUrl?: string | null;
  language?: string | null;
  timezone?: string | null;
}

export async function updateProfile(ctx: IdentityContext, input: UpdateProfileInput): Promise<User> {
  const { userId } = requireSignedIn(ctx);
  const data = Object.fromEntries(
    Object.entries(input).filter(([key, v]) => v != null || (key === "pictureUrl" && v === null)),
  );
  return ctx.services.db.$transaction(async (tx) => {
    if (input.username) {
      const taken = await tx.user.findFirst({ where: { username: input.username, NOT: { id: userId } } });
      if (taken) throw new ConflictError("username: already taken.");
    }
    const user = await tx.user.update({ where: { id: userId }, data });
    await recordAudit(tx, ctx, {
      tenantId: null,
      action: "user.update_profile",
      resourceType: "User",
      resourceId: userId,
      changes: data,
    });
    return user;
  });
}
