/**
 * The gateway's environment for a fault scenario: the per-user rate limit off, because each
 * scenario's writers act as one user and, on a quiet machine, outrun its 50 starts a second;
 * what is measured is the faults, not the limiter (which has its own tests).
 */
export function faultGatewayEnv(env: Record<string, string>): Record<string, string> {
  return { RATE_LIMIT_USER_CAPACITY: "0", ...env };
}
