import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

export interface SecretBox {
  seal(plaintext: string): string;
  open(sealed: string): string;
}

/** AES-256-GCM with a 96-bit random IV; output `iv.tag.ciphertext` in base64url. */
export function createSecretBox(key: Buffer): SecretBox {
  if (key.length !== 32) throw new Error("secret box key must be 32 bytes");
  return {
    seal(plaintext) {
      const iv = randomBytes(12);
      const cipher = createCipheriv("aes-256-gcm", key, iv);
      const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
      return [iv, cipher.getAuthTag(), data].map((b) => b.toString("base64url")).join(".");
    },
    open(sealed) {
      const [iv, tag, data] = sealed.split(".").map((part) => Buffer.from(part, "base64url"));
      if (!iv || !tag || !data) throw new Error("malformed sealed secret");
      const decipher = createDecipheriv("aes-256-gcm", key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(data), decipher.final()]).toString("utf8");
    },
  };
}

export function secretBoxKeyFrom(configured: string | null): { key: Buffer; isDevelopmentKey: boolean } {
  if (configured)
    return {
      key: Buffer.from(configured, configured.includes("+") || configured.includes("/") ? "base64" : "base64url"),
      isDevelopmentKey: false,
    };
  // A fixed development key keeps enrolled MFA working across restarts of a dev server;
  // production refuses to boot without a real key (see config.ts).
  return { key: createHash("sha256").update("atelier-identity-development-mfa-key").digest(), isDevelopmentKey: true };
}
