import type { User } from "../generated/prisma/client";
import type { IdentityServices } from "../services";

/** The signed-in user's row (the caller has checked who is signed in). */
export async function currentUser(services: Pick<IdentityServices, "db">, userId: string): Promise<User> {
  return services.db.user.findUniqueOrThrow({ where: { id: userId } });
}
