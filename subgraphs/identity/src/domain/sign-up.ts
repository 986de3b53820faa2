import { randomUUID } from "node:crypto";
import { crossTenant } from "@atelier/db";
import { ConflictError } from "@atelier/subgraph-kit";
import { hashPassword } from "../auth/password";
import { createMembershipStore } from "../data/membership-store";
import { createTenantDirectory, createTenantStore } from "../data/tenant-store";
import { createUserStore, isUnclaimedUser } from "../data/user-store";
import type { AccountScope } from "../scope";
import type { AuthResult } from "./auth-result";
import { sendEmailVerification } from "./send-email-verification";
import { signIn } from "./sign-in";
import { userScopeIn } from "./user-scope-in";

export interface SignUpInput {
  email: string;
  password: string;
  fullName: string;
  username?: string | null;
  tenantName: string;
  tenantSlug?: string | null;
  device?: string | null;
}

/** A new account with its own tenant, as OWNER. An invited (unclaimed) account is claimed. */
export async function signUp(scope: AccountScope, input: SignUpInput): Promise<AuthResult> {
  const db = scope.services.db;
  const email = input.email.toLowerCase();
  const existing = await createUserStore(db).findByEmail(email);
  if (existing && !isUnclaimedUser(existing)) throw new ConflictError("An account with this e-mail already exists.");
  if (input.username && input.username !== existing?.username) {
    if (await db.user.findUnique({ where: { username: input.username } })) {
      throw new ConflictError("username: already taken.");
    }
  }
  // Slugs are unique across tenants: checked in the tenant directory, before any tenant exists.
  const slug = await crossTenant("tenant-directory", async () => {
    const directory = createTenantDirectory(db);
    if (input.tenantSlug && (await directory.slugTaken(input.tenantSlug)))
      throw new ConflictError("tenantSlug: already taken.");
    return input.tenantSlug ?? (await directory.availableSlug(input.tenantName));
  });
  const passwordHash = await hashPassword(input.password);
  const tenantId = randomUUID();
  const userId = existing?.id ?? randomUUID();

  // The founder acts in the tenant being founded.
  const user = await userScopeIn(scope, userId, tenantId).write(async (stx) => {
    const tx = stx.db;
    const plan = await tx.plan.findUnique({ where: { code: "FREE" } });
    const profile = { passwordHash, fullName: input.fullName };
    const user = existing
      ? await tx.user.update({
          where: { id: existing.id },
          data: { ...profile, username: input.username ?? existing.username },
        })
      : await tx.user.create({
          data: {
            ...profile,
            id: userId,
            email,
            username: input.username ?? (await createUserStore(tx).availableUsername(email.split("@")[0]!)),
          },
        });
    await createTenantStore(stx).create({ name: input.tenantName, slug, planId: plan?.id ?? null });
    const membership = await createMembershipStore(stx).create({
      userId: user.id,
      role: "OWNER",
      status: "APPROVED",
      origin: "FOUNDER",
      joinedAt: new Date(),
    });
    stx.audit({ action: "user.sign_up", resourceType: "User", resourceId: user.id });
    stx.audit({
      action: "tenant.create",
      resourceType: "Tenant",
      resourceId: tenantId,
      changes: { name: input.tenantName, slug, membershipId: membership.id },
    });
    return user;
  });

  await sendEmailVerification(scope, user);
  return signIn(scope, user, { device: input.device, method: "password" });
}
