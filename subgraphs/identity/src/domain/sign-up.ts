import { randomUUID } from "node:crypto";
import { ConflictError } from "@atelier/subgraph-kit";
import { hashPassword } from "../auth/password";
import type { IdentityContext } from "../context";
import { availableSlug, defaultPlan, slugTaken } from "../data/tenants";
import { availableUsername, findUserByEmail, isUnclaimedUser } from "../data/users";
import { type AuthResult, signIn } from "./auth-result";
import { inTenant } from "./in-tenant";
import { audit } from "./record-audit";
import { sendEmailVerification } from "./send-email-verification";

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
export async function signUp(ctx: IdentityContext, input: SignUpInput): Promise<AuthResult> {
  const db = ctx.services.db;
  const email = input.email.toLowerCase();
  const existing = await findUserByEmail(db, email);
  if (existing && !isUnclaimedUser(existing)) throw new ConflictError("An account with this e-mail already exists.");
  if (input.username && input.username !== existing?.username) {
    if (await db.user.findUnique({ where: { username: input.username } })) {
      throw new ConflictError("username: already taken.");
    }
  }
  if (input.tenantSlug && (await slugTaken(db, input.tenantSlug)))
    throw new ConflictError("tenantSlug: already taken.");
  const passwordHash = await hashPassword(input.password);
  const tenantId = randomUUID();

  const user = await inTenant(ctx, tenantId, async (tx) => {
    const slug = input.tenantSlug ?? (await availableSlug(tx, input.tenantName));
    const plan = await defaultPlan(tx);
    const profile = { passwordHash, fullName: input.fullName };
    const user = existing
      ? await tx.user.update({
          where: { id: existing.id },
          data: { ...profile, username: input.username ?? existing.username },
        })
      : await tx.user.create({
          data: { ...profile, email, username: input.username ?? (await availableUsername(tx, email.split("@")[0]!)) },
        });
    await tx.tenant.create({ data: { id: tenantId, name: input.tenantName, slug, planId: plan?.id ?? null } });
    const membership = await tx.membership.create({
      data: { tenantId, userId: user.id, role: "OWNER", status: "APPROVED", origin: "FOUNDER", joinedAt: new Date() },
    });
    const actorUserId = user.id;
    await audit(tx, ctx, { tenantId, actorUserId, action: "user.sign_up", resourceType: "User", resourceId: user.id });
    await audit(tx, ctx, {
      tenantId,
      actorUserId,
      action: "tenant.create",
      resourceType: "Tenant",
      resourceId: tenantId,
      changes: { name: input.tenantName, slug, membershipId: membership.id },
    });
    return user;
  });

  await sendEmailVerification(ctx, user);
  return signIn(ctx, user, { device: input.device, method: "password" });
}
