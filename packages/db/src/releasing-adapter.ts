import { PrismaPg } from "@prisma/adapter-pg";
import type pg from "pg";
import { isConnectionLoss } from "./connection-loss";

type PgAdapter = Awaited<ReturnType<PrismaPg["connect"]>>;
type PgTransaction = Awaited<ReturnType<PgAdapter["startTransaction"]>>;
/** What @prisma/adapter-pg 6.19's transaction holds at run time (not in its types). */
interface PgTransactionInternals {
  client?: pg.PoolClient & { _queryable?: boolean };
  cleanup?: () => void;
}

/**
 * Prisma's pg adapter whose interactive transactions give their connection back when it is lost.
 * Prisma ends a transaction by sending ROLLBACK (or COMMIT) through the adapter and only then
 * asks it to release the pool client; on a lost connection that statement fails, the release
 * never happens, and the pool keeps the dead client checked out for good: each loss costs a pool
 * slot (the pool ends up empty) and `$disconnect()` waits for it without end.
 */
export class ReleasingPrismaPg extends PrismaPg {
  override async connect(): Promise<PgAdapter> {
    const adapter = await super.connect();
    const start = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (isolationLevel) => releasingOnLoss(await start(isolationLevel));
    return adapter;
  }
}

/**
 * The transaction, where a statement failing on a lost connection releases the client at once,
 * as broken (the pool drops it), and the client is released at most once whatever Prisma calls
 * afterwards (upstream prisma/orm#29952: a double release hands a busy client to another caller).
 */
function releasingOnLoss(tx: PgTransaction): PgTransaction {
  const internals = tx as unknown as PgTransactionInternals;
  const client = internals.client;
  if (!client) return tx;
  let released = false;
  const once = (release: () => Promise<void>) => async () => {
    if (released) return;
    released = true;
    await release();
  };
  const releaseBroken = (error: unknown) => {
    if (released || !(isConnectionLoss(error) || client._queryable === false)) return;
    released = true;
    internals.cleanup?.();
    client.release(error instanceof Error ? error : new Error(String(error)));
  };
  const guarded =
    <A, R>(run: (arg: A) => Promise<R>) =>
    async (arg: A) => {
      try {
        return await run(arg);
      } catch (error) {
        releaseBroken(error);
        throw error;
      }
    };
  tx.commit = once(tx.commit.bind(tx));
  tx.rollback = once(tx.rollback.bind(tx));
  tx.queryRaw = guarded(tx.queryRaw.bind(tx));
  tx.executeRaw = guarded(tx.executeRaw.bind(tx));
  return tx;
}
