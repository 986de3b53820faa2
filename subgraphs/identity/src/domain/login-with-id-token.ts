import { UnauthenticatedError } from "@atelier/subgraph-kit";
import { createOidcIdentityStore } from "../data/oidc-identity-store";
import { createUserStore } from "../data/user-store";
import type { AccountScope } from "../scope";
import type { AuthResult } from "./auth-result";
import { recordAudit } from "./record-audit";
import { signIn } from "./sign-in";

/**
 * Signs in with an ID token of a configured issuer. Links by subject, then by verified
 * e-mail; an unknown subject with a verified e-mail gets a new account (no tenant yet).
 */
export async function loginWithIdToken(
  scope: AccountScope,
  input: { idToken: string; device?: string | null },
): Promise<AuthResult> {
  const claims = await scope.services.oidc.verify(input.idToken);
  if (!claims) throw new UnauthenticatedError("This ID token is invalid or its issuer is not accepted.");
  const user = await scope.services.db.$transaction(async (tx) => {
    const existing = await createOidcIdentityStore(tx).findOrLinkUser(claims);
    if (existing?.linkedNow) {
      await recordAudit(tx, scope, {
        tenantId: null,
        actorUserId: existing.user.id,
        action: "user.link_oidc",
        resourceType: "User",
        resourceId: existing.user.id,
        changes: { issuer: claims.issuer },
      });
    }
    if (existing) return existing.user;
    if (!claims.email || !claims.emailVerified) {
      throw new UnauthenticatedError("The identity provider did not confirm an e-mail address for this account.");
    }
    const created = await tx.user.create({
      data: {
        email: claims.email,
        username: await createUserStore(tx).availableUsername(claims.email.split("@")[0]!),
        fullName: claims.name ?? "",
        pictureUrl: claims.picture,
        emailVerifiedAt: new Date(),
        oidcIdentities: { create: { issuer: claims.issuer, subject: claims.subject, email: claims.email } },
      },
    });
    await recordAudit(tx, scope, {
      tenantId: null,
      actorUserId: created.id,
      action: "user.sign_up",
      resourceType: "User",
      resourceId: created.id,
      changes: { issuer: claims.issuer },
    });
    return created;
  });
  return signIn(scope, user, { device: input.device, method: `oidc:${claims.issuer}` });
}
