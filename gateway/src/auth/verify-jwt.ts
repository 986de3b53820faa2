import { errors, type JWTPayload, type JWTVerifyGetKey, jwtVerify } from "jose";
import { AuthenticationError } from "./authentication-error";

export interface JwtExpectations {
  issuer: string;
  audience: string | string[];
  algorithms: string[];
}

const CLOCK_TOLERANCE_SECONDS = 5;

/** Verifies signature, algorithm, issuer, audience and expiry; every refusal says why. */
export async function verifyJwt(token: string, keys: JWTVerifyGetKey, expected: JwtExpectations): Promise<JWTPayload> {
  try {
    const { payload } = await jwtVerify(token, keys, {
      algorithms: expected.algorithms,
      issuer: expected.issuer,
      audience: expected.audience,
      requiredClaims: ["exp", "sub"],
      clockTolerance: CLOCK_TOLERANCE_SECONDS,
    });
    return payload;
  } catch (error) {
    throw new AuthenticationError(describeJoseError(error));
  }
}

function describeJoseError(error: unknown): string {
  if (error instanceof errors.JWTExpired) return "access token expired";
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === "iss") return "access token issuer not accepted";
    if (error.claim === "aud") return "access token audience not accepted";
    return `access token claim "${error.claim}" invalid: ${error.reason}`;
  }
  if (error instanceof errors.JOSEAlgNotAllowed) return "access token algorithm not accepted";
  if (error instanceof errors.JWSSignatureVerificationFailed) return "access token signature invalid";
  if (error instanceof errors.JWKSNoMatchingKey) return "access token signed by an unknown key";
  if (error instanceof errors.JWKSTimeout || error instanceof errors.JWKSInvalid) {
    return "access token keys could not be fetched from the issuer";
  }
  if (error instanceof errors.JOSEError) return `access token invalid (${error.code})`;
  return "access token invalid";
}
