import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { delegationKeyPairs, generateInternalKeyPair } from "@atelier/internal-auth";

export interface DevKeys {
  internal: { privateKey: string; publicKey: string };
  accessToken: { privateKey: string; publicKey: string };
  mfaEncryptionKey: string;
  signedUrlSecret: string;
  /** One key pair per service that calls the gateway for someone (workflow steps, asset hand-off). */
  delegation: Record<string, { privateKey: string; publicKey: string }>;
}

/**
 * Development keys, made once and kept in `.data/` (git-ignored) so tokens, MFA secrets and
 * signed URLs survive a restart. Production passes its own through the environment.
 */
export function loadDevKeys(dataDir: string): DevKeys {
  const file = path.join(dataDir, "dev-keys.json");
  const stored = existsSync(file) ? (JSON.parse(readFileSync(file, "utf8")) as Partial<DevKeys>) : {};
  // Keys added since the file was written are made now; existing ones are kept.
  const keys: DevKeys = {
    internal: stored.internal ?? generateInternalKeyPair(),
    accessToken: stored.accessToken ?? generateInternalKeyPair(),
    mfaEncryptionKey: stored.mfaEncryptionKey ?? randomBytes(32).toString("base64url"),
    signedUrlSecret: stored.signedUrlSecret ?? randomBytes(32).toString("base64url"),
    delegation: delegationKeyPairs(stored.delegation),
  };
  if (JSON.stringify(keys) !== JSON.stringify(stored)) {
    mkdirSync(dataDir, { recursive: true });
    writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 });
  }
  return keys;
}
