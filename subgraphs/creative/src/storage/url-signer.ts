import { createHmac, timingSafeEqual } from "node:crypto";

/** What a local-storage URL grants: one operation on one key until `expires` (unix seconds). */
export interface BlobGrant {
  op: "put" | "get";
  key: string;
  expires: number;
  contentType: string;
  /** For uploads: the exact number of bytes allowed. */
  size: number;
}

export type GrantCheck = { ok: true; grant: BlobGrant } | { ok: false; status: 400 | 403 | 410; reason: string };

const FIELDS = ["op", "key", "expires", "contentType", "size"] as const;

/** HMAC-SHA256 signatures over every field of a grant, so no part of the URL can be changed. */
export function createUrlSigner(secret: string) {
  const mac = (grant: BlobGrant) =>
    createHmac("sha256", secret)
      .update(FIELDS.map((f) => String(grant[f])).join("\n"))
      .digest("base64url");

  return {
    sign(grant: BlobGrant): URLSearchParams {
      return new URLSearchParams({
        op: grant.op,
        key: grant.key,
        expires: String(grant.expires),
        type: grant.contentType,
        size: String(grant.size),
        sig: mac(grant),
      });
    },
    verify(params: URLSearchParams, now = Date.now()): GrantCheck {
      const op = params.get("op");
      const key = params.get("key");
      const sig = params.get("sig");
      const expires = Number(params.get("expires"));
      const size = Number(params.get("size"));
      if ((op !== "put" && op !== "get") || !key || !sig || !Number.isFinite(expires) || !Number.isFinite(size)) {
        return { ok: false, status: 400, reason: "malformed signed URL" };
      }
      const grant: BlobGrant = { op, key, expires, size, contentType: params.get("type") ?? "" };
      const expected = Buffer.from(mac(grant));
      const given = Buffer.from(sig);
      if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
        return { ok: false, status: 403, reason: "signature does not match" };
      }
      if (expires * 1000 < now) return { ok: false, status: 410, reason: "signed URL expired" };
      return { ok: true, grant };
    },
  };
}

export type UrlSigner = ReturnType<typeof createUrlSigner>;
