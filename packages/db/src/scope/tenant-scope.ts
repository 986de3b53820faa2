import { type AuditActorType, recordAuditEvent } from "../audit";
import type { RawExecutor } from "../tenant-scope";
import type { TenantTransactions } from "./tenant-transactions";

/** Who acts inside a tenant, as far as the database layer needs to know (audit rows, stores). */
export interface ScopeActor {
  readonly tenantId: string;
  readonly actorType: AuditActorType;
  /** The user or API client id; null for the system. */
  readonly actorId: string | null;
  readonly requestId: string | null;
}

/** One audit row, written in the same transaction as the change it records. */
export interface AuditEntry {
  /** `<resource>.<verb>`, e.g. `project.create`. */
  action: string;
  resourceType: string;
  resourceId: string;
  /** A summary of what changed; never secrets. */
  changes?: Record<string, unknown>;
}

/** What a store receives: a transaction that already knows its tenant and actor. */
export interface ScopedTx<Db> {
  readonly db: Db;
  readonly tenantId: string;
  readonly actor: ScopeActor;
}

/** A writing transaction: audit rows and event notices are collected and handled at commit. */
export interface ScopedWriteTx<Db, Notice> extends ScopedTx<Db> {
  /** Queued, and inserted in this transaction just before it commits. */
  audit(entry: AuditEntry): void;
  /** Handed to the scope's publisher after the transaction committed (never on rollback). */
  publish(notice: Notice): void;
  /** Runs after commit (never on rollback); a failure is reported, not thrown. */
  afterCommit(effect: () => unknown): void;
}

/**
 * The one way tenant data is read or written: built from the verified actor, so no caller hands
 * over a tenant id. `read` and `write` each run in a transaction bound to the tenant under
 * row-level security.
 */
export interface TenantScope<Db, Notice = never, Actor extends ScopeActor = ScopeActor> {
  readonly tenantId: string;
  readonly actor: Actor;
  read<R>(fn: (tx: ScopedTx<Db>) => Promise<R>): Promise<R>;
  write<R>(fn: (tx: ScopedWriteTx<Db, Notice>) => Promise<R>): Promise<R>;
  /** The same actor and publisher over another kind of transaction (e.g. raw SQL reads). */
  using<Other>(transactions: TenantTransactions<Other>): TenantScope<Other, Notice, Actor>;
}

export interface TenantScopeOptions<Db, Notice, Actor extends ScopeActor> {
  transactions: TenantTransactions<Db>;
  actor: Actor;
  /** Publishes the notices of a committed write (e.g. stream events on the event bus). */
  publish?: (notices: Notice[]) => Promise<unknown>;
  /** Where a failed publish or after-commit effect is reported; the write itself has committed. */
  onEffectError?: (error: unknown) => void;
}

export function createTenantScope<Db, Notice = never, Actor extends ScopeActor = ScopeActor>(
  options: TenantScopeOptions<Db, Notice, Actor>,
): TenantScope<Db, Notice, Actor> {
  const { transactions, actor } = options;
  const report = options.onEffectError ?? (() => {});
  return {
    tenantId: actor.tenantId,
    actor,
    read: (fn) => transactions.run(actor.tenantId, "read", (db) => fn({ db, tenantId: actor.tenantId, actor })),
    async write(fn) {
      let audits: AuditEntry[] = [];
      let notices: Notice[] = [];
      let effects: (() => unknown)[] = [];
      const result = await transactions.run(actor.tenantId, "write", async (db) => {
        // A transaction cut off before COMMIT runs again: it starts with nothing collected.
        audits = [];
        notices = [];
        effects = [];
        const value = await fn({
          db,
          tenantId: actor.tenantId,
          actor,
          audit: (entry) => void audits.push(entry),
          publish: (notice) => void notices.push(notice),
          afterCommit: (effect) => void effects.push(effect),
        });
        for (const entry of audits) await recordAuditEvent(db as unknown as RawExecutor, auditRow(actor, entry));
        return value;
      });
      // Not awaited: the change is committed and its caller need not wait on the bus; a lost
      // publish only delays delivery, as subscribers catch up by sequence.
      if (notices.length > 0 && options.publish) options.publish(notices).catch(report);
      for (const effect of effects) {
        try {
          Promise.resolve(effect()).catch(report);
        } catch (error) {
          report(error);
        }
      }
      return result;
    },
    using: (other) => createTenantScope({ ...options, transactions: other }),
  };
}

function auditRow(actor: ScopeActor, entry: AuditEntry) {
  return {
    tenantId: actor.tenantId,
    actorType: actor.actorType,
    actorId: actor.actorId,
    requestId: actor.requestId,
    action: entry.action,
    resourceType: entry.resourceType,
    resourceId: entry.resourceId,
    changes: entry.changes ?? {},
  };
}
