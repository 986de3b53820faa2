import { RateLimitedError, UnauthenticatedError } from "@atelier/subgraph-kit";
import { burnPasswordCheck, verifyPassword } from "../auth/password";
import { createUserStore } from "../data/user-store";
import type { AccountScope } from "../scope";
import type { AuthResult } from "./auth-result";
import { signIn } from "./sign-in";

const WRONG_CREDENTIALS = "E-mail or password is wrong.";

/** Password sign-in: tokens, or an MFA challenge when the user has TOTP turned on. */
export async function login(
  scope: AccountScope,
  input: { email: string; password: string; device?: string | null },
): Promise<AuthResult> {
  const { db, loginThrottle, config } = scope.services;
  const key = input.email.toLowerCase();
  // Per account against guessing one password, per address against trying many accounts.
  const addressKey = scope.client.ip ? `ip:${scope.client.ip}` : null;
  const waits = await Promise.all([
    loginThrottle.retryAfter(`account:${key}`, config.loginThrottle.maxFailuresPerAccount),
    addressKey ? loginThrottle.retryAfter(addressKey, config.loginThrottle.maxFailuresPerAddress) : 0,
  ]);
  const wait = Math.max(...waits);
  if (wait > 0) throw new RateLimitedError(`Too many failed sign-ins; try again in ${wait} seconds.`, wait);
  const user = await createUserStore(db).findByEmail(key);
  let ok = false;
  if (user?.passwordHash) ok = await verifyPassword(input.password, user.passwordHash);
  else await burnPasswordCheck(input.password);
  if (!user || !ok) {
    await Promise.all([
      loginThrottle.recordFailure(`account:${key}`),
      addressKey ? loginThrottle.recordFailure(addressKey) : undefined,
    ]);
    throw new UnauthenticatedError(WRONG_CREDENTIALS);
  }
  await loginThrottle.reset(`account:${key}`);
  if (user.mfaEnabled) return { mfaRequired: true, mfaToken: await scope.services.tokens.issueMfaToken(user.id) };
  return signIn(scope, user, { device: input.device, method: "password" });
}
