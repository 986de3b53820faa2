import { createHash } from "node:crypto";

/** Cache keys for secrets: the secret itself never sits in a cache. */
export function sha256(value: string): string {
  return createHash("sha256").update(value).digest("base64url");
}
