import { ANONYMOUS, type Identity, type InternalTokenSigner, isDelegationIssuer } from "@atelier/internal-auth";
import { decodeJwt, decodeProtectedHeader } from "jose";
import { applyCurrentAccess } from "../access/apply-current-access";
import type { CurrentAccessResolver } from "../access/current-access";
import type { GatewayConfig } from "../config";
import { createAccessTokenVerifier } from "./access-token";
import { createApiKeyVerifier } from "./api-key";
import { AuthenticationError } from "./authentication-error";
import { type CredentialInput, MalformedCredentialError, parseCredential } from "./credential";
import { createDelegationAuthenticator } from "./delegation";
import { createIdentityInternalClient } from "./identity-internal-client";
import { createOidcVerifier } from "./oidc";
import { sha256 } from "./sha256";
import { TtlCache } from "./ttl-cache";

const VERIFIED_TOKEN_TTL_MS = 60_000;

export type Authenticate = (credential: CredentialInput) => Promise<Identity>;

/**
 * Turns a client's credential into an Identity, or throws AuthenticationError.
 * Shared by HTTP requests and (later) WebSocket connection_init.
 */
export function createAuthenticator(
  config: Pick<
    GatewayConfig,
    "accessToken" | "delegationPublicKeys" | "identityInternalUrl" | "identityJwksUrl" | "oidcIssuers"
  >,
  signer: InternalTokenSigner,
  access: CurrentAccessResolver,
): Authenticate {
  const identityClient = createIdentityInternalClient({ baseUrl: config.identityInternalUrl, signer });
  const accessTokens = createAccessTokenVerifier({ ...config.accessToken, jwksUrl: config.identityJwksUrl });
  const oidc = createOidcVerifier({
    issuers: config.oidcIssuers,
    algorithms: config.accessToken.algorithms,
    identity: identityClient,
  });
  const apiKeys = createApiKeyVerifier(identityClient, access);
  const delegations = createDelegationAuthenticator({
    publicKeys: config.delegationPublicKeys,
    identity: identityClient,
    access,
  });
  // Verifying a signature on every request costs more than the subgraph fetch it guards.
  const verifiedTokens = new TtlCache<Identity>(10_000);

  async function verifyBearer(token: string): Promise<Identity> {
    const cacheKey = sha256(token);
    const cached = verifiedTokens.get(cacheKey);
    if (cached) return cached;
    const issuer = unverifiedIssuer(token);
    // Delegations are never cached: the actor's role comes from identity, not the token.
    if (isDelegationIssuer(issuer)) return delegations.authenticate(token);
    const verified =
      issuer === accessTokens.issuer
        ? await accessTokens.verify(token)
        : oidc.accepts(issuer)
          ? await oidc.verify(token, issuer)
          : null;
    if (!verified) throw new AuthenticationError("access token issuer not accepted");
    verifiedTokens.set(cacheKey, verified.identity, Math.min(VERIFIED_TOKEN_TTL_MS, verified.expiresAt - Date.now()));
    return verified.identity;
  }

  return async (input) => {
    let credential: ReturnType<typeof parseCredential>;
    try {
      credential = parseCredential(input);
    } catch (error) {
      if (error instanceof MalformedCredentialError) throw new AuthenticationError(error.message);
      throw error;
    }
    switch (credential.kind) {
      case "none":
        return ANONYMOUS;
      case "apiKey":
        return apiKeys.verify(credential.key);
      case "bearer":
        // The token's claims name who; what they may do now is identity's current answer.
        return applyCurrentAccess(await verifyBearer(credential.token), access);
    }
  };
}

/** Routes a token to its verifier; the claim is trusted only after that verifier checks the signature. */
function unverifiedIssuer(token: string): string {
  try {
    const header = decodeProtectedHeader(token);
    if (typeof header.alg !== "string" || header.alg.toLowerCase() === "none") {
      throw new AuthenticationError("access token algorithm not accepted");
    }
    const { iss } = decodeJwt(token);
    if (typeof iss !== "string") throw new AuthenticationError("access token has no issuer");
    return iss;
  } catch (error) {
    if (error instanceof AuthenticationError) throw error;
    throw new AuthenticationError("access token is not a well-formed JWT");
  }
}
