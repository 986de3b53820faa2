import type { IdentityContext } from "../context";
import type { User } from "../generated/prisma/client";
import { requireSignedIn } from "./require-signed-in";

export async function currentUser(ctx: IdentityContext): Promise<User> {
  return ctx.services.db.user.findUniqueOrThrow({ where: { id: requireSignedIn(ctx).userId } });
}
