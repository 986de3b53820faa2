import type { Role } from "@atelier/internal-auth";

/** What identity says a token's subject may do now (see identity's /internal/access/resolve). */
export interface CurrentAccess {
  signedIn: boolean;
  role: Role | null;
}

export interface AccessSubject {
  userId: string;
  tenantId: string | null;
  sessionId: string | null;
}

export const subjectKey = (s: AccessSubject) => `${s.userId}\n${s.tenantId ?? ""}\n${s.sessionId ?? ""}`;

/** Answers per subject, expiring after a TTL, and dropped per user or per tenant on identity's notice. */
export class AccessCache {
  private readonly entries = new Map<string, { access: CurrentAccess; expiresAt: number; subject: AccessSubject }>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 50_000,
  ) {}

  get(key: string): CurrentAccess | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > Date.now()) return entry.access;
    this.entries.delete(key);
    return undefined;
  }

  set(subject: AccessSubject, access: CurrentAccess): void {
    const key = subjectKey(subject);
    this.entries.delete(key);
    if (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (!oldest.done) this.entries.delete(oldest.value);
    }
    this.entries.set(key, { access, expiresAt: Date.now() + this.ttlMs, subject });
  }

  /** Drops one subject's answer. */
  delete(key: string): void {
    this.entries.delete(key);
  }

  /** Drops what matches; a full scan, as notices are rare next to lookups. */
  forget(match: (subject: AccessSubject) => boolean): void {
    for (const [key, entry] of this.entries) if (match(entry.subject)) this.entries.delete(key);
  }
}
