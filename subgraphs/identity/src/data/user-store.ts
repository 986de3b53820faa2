import { randomBytes } from "node:crypto";
import type { User } from "../generated/prisma/client";
import type { Db } from "./db";

function findUserByEmail(db: Db, email: string): Promise<User | null> {
  return db.user.findFirst({ where: { email: email.toLowerCase(), deletedAt: null } });
}

/** A user created by an invitation: no credentials yet, claimable by signing up. */
export function isUnclaimedUser(user: User): boolean {
  return user.passwordHash === null && user.lastLoginAt === null;
}

/** A free username: the wanted one, else it with a short random suffix. */
async function availableUsername(db: Db, wanted: string): Promise<string> {
  const base =
    wanted
      .toLowerCase()
      .replace(/[^a-z0-9._-]+/g, "")
      .slice(0, 30) || "user";
  if (!(await db.user.findUnique({ where: { username: base }, select: { id: true } }))) return base;
  for (;;) {
    const candidate = `${base}-${randomBytes(3).toString("hex")}`;
    if (!(await db.user.findUnique({ where: { username: candidate }, select: { id: true } }))) return candidate;
  }
}

async function createUnclaimedUser(db: Db, email: string): Promise<User> {
  const normalized = email.toLowerCase();
  const username = await availableUsername(db, normalized.split("@")[0] ?? "user");
  return db.user.create({ data: { email: normalized, username } });
}

/** Users (not tenant data: an account spans tenants). */
export function createUserStore(db: Db) {
  return {
    findByEmail: findUserByEmail.bind(null, db),
    availableUsername: availableUsername.bind(null, db),
    createUnclaimed: createUnclaimedUser.bind(null, db),
  };
}
