import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generateInternalKeyPair } from "@atelier/internal-auth";

export interface DevKeys {
  internal: { privateKey: string; publicKey: string };
  accessToken: { privateKey: string; publicKey: string };
  mfaEncryptionKey: string;
  signedUrlSecret: string;
}

/**
 * Development keys, made once and kept in `.data/` (git-ignored) so tokens, MFA secrets and
 * signed URLs survive a restart. Production passes its own through the environment.
 */
export function loadDevKeys(dataDir: string): DevKeys {
  const file = path.join(dataDir, "dev-keys.json");
  if (existsSync(file)) return JSON.parse(readFileSync(file, "utf8")) as DevKeys;
  mkdirSync(dataDir, { recursive: true });
  const keys: DevKeys = {
    internal: generateInternalKeyPair(),
    accessToken: generateInternalKeyPair(),
    mfaEncryptionKey: randomBytes(32).toString("base64url"),
    signedUrlSecret: randomBytes(32).toString("base64url"),
  };
  writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 });
  return keys;
}
