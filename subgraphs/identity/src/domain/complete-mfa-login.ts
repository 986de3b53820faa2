import { UnauthenticatedError } from "@atelier/subgraph-kit";
import type { AccountScope } from "../scope";
import type { AuthResult } from "./auth-result";
import { checkTotp } from "./check-totp";
import { signIn } from "./sign-in";

export async function completeMfaLogin(
  scope: AccountScope,
  input: { mfaToken: string; code: string; device?: string | null },
): Promise<AuthResult> {
  const userId = await scope.services.tokens.verifyMfaToken(input.mfaToken);
  if (!userId) throw new UnauthenticatedError("The sign-in has expired; enter your password again.");
  const user = await scope.services.db.user.findFirst({ where: { id: userId, deletedAt: null, mfaEnabled: true } });
  if (!user || !(await checkTotp(scope.services.db, scope, user, input.code))) {
    throw new UnauthenticatedError("The code is wrong or was already used.");
  }
  return signIn(scope, user, { device: input.device, method: "password+totp" });
}
