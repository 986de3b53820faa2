import { randomBytes } from "node:crypto";
import type { Identity, Role } from "@atelier/internal-auth";
import { ANONYMOUS } from "@atelier/internal-auth";
import type { IdentitySubgraph } from "../fixture";

export const AUTH_FIELDS = `mfaRequired mfaToken accessToken refreshToken accessTokenExpiresAt refreshTokenExpiresAt
  role user { id email } tenant { id slug } session { id }`;

export const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { ${AUTH_FIELDS} } }`;
export const LOGIN = `mutation($input: LoginInput!) { login(input: $input) { ${AUTH_FIELDS} } }`;

export const PASSWORD = "correct horse battery";

export interface Account {
  userId: string;
  tenantId: string;
  sessionId: string;
  email: string;
  slug: string;
  refreshToken: string;
  accessToken: string;
  /** The identity the gateway would forward for this account's access token. */
  identity: Identity & { kind: "user" };
}

export function uniqueEmail(prefix = "user"): string {
  return `${prefix}-${randomBytes(4).toString("hex")}@example.com`;
}

export function userIdentity(
  userId: string,
  tenantId: string | null,
  role: Role | null,
  sessionId: string | null = null,
) {
  return { kind: "user" as const, userId, tenantId, role, sessionId, scopes: [] };
}

/** Signs up a new user with a new tenant (as its OWNER). */
export async function signUpAccount(h: IdentitySubgraph, prefix = "owner"): Promise<Account> {
  const email = uniqueEmail(prefix);
  const res = await h.as(ANONYMOUS).gql(SIGN_UP, {
    input: {
      email,
      password: PASSWORD,
      fullName: `${prefix} person`,
      tenantName: `${prefix} studio ${randomBytes(2).toString("hex")}`,
    },
  });
  if (res.errors) throw new Error(`signUp failed: ${JSON.stringify(res.errors)}`);
  const p = res.data!.signUp;
  return {
    userId: p.user.id,
    tenantId: p.tenant.id,
    sessionId: p.session.id,
    email,
    slug: p.tenant.slug,
    refreshToken: p.refreshToken,
    accessToken: p.accessToken,
    identity: userIdentity(p.user.id, p.tenant.id, p.role, p.session.id),
  };
}

export function codeOf(res: { errors?: { extensions?: { code?: string } }[] }): string | undefined {
  return res.errors?.[0]?.extensions?.code;
}
