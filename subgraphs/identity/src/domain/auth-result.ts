import type { Role } from "@atelier/internal-auth";
import type { Session, Tenant, User } from "../generated/prisma/client";

/** What every sign-in step returns (the AuthPayload type). */
export interface AuthResult {
  mfaRequired: boolean;
  mfaToken?: string | null;
  accessToken?: string | null;
  accessTokenExpiresAt?: Date | null;
  refreshToken?: string | null;
  refreshTokenExpiresAt?: Date | null;
  user?: User | null;
  tenant?: Tenant | null;
  role?: Role | null;
  session?: Session | null;
}
