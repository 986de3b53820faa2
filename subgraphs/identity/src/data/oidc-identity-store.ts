import type { User } from "../generated/prisma/client";
import type { Db } from "./db";

import { createUserStore } from "./user-store";

export interface ExternalSubject {
  issuer: string;
  subject: string;
  email: string | null;
  emailVerified: boolean;
}

export interface LinkedUser {
  user: User;
  /** True when this call linked the subject to the user (by verified e-mail). */
  linkedNow: boolean;
}

/**
 * The user an external subject belongs to: by (issuer, subject), else by a verified e-mail,
 * in which case the subject is linked to that user. Null when neither matches.
 */
async function findOrLinkUser(db: Db, external: ExternalSubject): Promise<LinkedUser | null> {
  const linked = await db.oidcIdentity.findUnique({
    where: { issuer_subject: { issuer: external.issuer, subject: external.subject } },
    include: { user: true },
  });
  if (linked) {
    await db.oidcIdentity.update({ where: { id: linked.id }, data: { lastUsedAt: new Date() } });
    return linked.user.deletedAt ? null : { user: linked.user, linkedNow: false };
  }
  if (!external.email || !external.emailVerified) return null;
  const user = await createUserStore(db).findByEmail(external.email);
  if (!user) return null;
  await db.oidcIdentity.create({
    data: {
      userId: user.id,
      issuer: external.issuer,
      subject: external.subject,
      email: external.email,
      lastUsedAt: new Date(),
    },
  });
  const verified = user.emailVerifiedAt
    ? user
    : await db.user.update({ where: { id: user.id }, data: { emailVerifiedAt: new Date() } });
  return { user: verified, linkedNow: true };
}

/** External (OIDC) subjects linked to users. */
export function createOidcIdentityStore(db: Db) {
  return {
    findOrLinkUser: findOrLinkUser.bind(null, db),
  };
}
