import { RateLimitedError, UnauthenticatedError } from "@atelier/subgraph-kit";
import { burnPasswordCheck, verifyPassword } from "../auth/password";
import type { IdentityContext } from "../context";
import { findUserByEmail } from "../data/users";
import { type AuthResult, signIn } from "./auth-result";

const WRONG_CREDENTIALS = "E-mail or password is wrong.";

/** Password sign-in: tokens, or an MFA challenge when the user has TOTP turned on. */
export async function login(
  ctx: IdentityContext,
  input: { email: string; password: string; device?: string | null },
): Promise<AuthResult> {
  const { db, loginThrottle } = ctx.services;
  const key = input.email.toLowerCase();
  const wait = loginThrottle.retryAfter(key);
  if (wait > 0) throw new RateLimitedError(`Too many failed sign-ins; try again in ${wait} seconds.`, wait);
  const user = await findUserByEmail(db, key);
  let ok = false;
  if (user?.passwordHash) ok = await verifyPassword(input.password, user.passwordHash);
  else await burnPasswordCheck(input.password);
  if (!user || !ok) {
    loginThrottle.recordFailure(key);
    throw new UnauthenticatedError(WRONG_CREDENTIALS);
  }
  loginThrottle.reset(key);
  if (user.mfaEnabled) return { mfaRequired: true, mfaToken: await ctx.services.tokens.issueMfaToken(user.id) };
  return signIn(ctx, user, { device: input.device, method: "password" });
}
