import type PgBoss from "pg-boss";

/**
 * Keeps the leases of the jobs this process is running alive and hands out again the jobs
 * whose lease lapsed (their worker died): every `leaseSeconds / 3` it moves `started_on` of
 * its active jobs to now (pg-boss presumes a job lost once `started_on + expire_in` has
 * passed, and every job is sent with `expire_in` = the lease), then fails the lapsed ones
 * so pg-boss retries them. A SIGKILLed worker's jobs run again within about one lease.
 */
export class JobLeases {
  private readonly active = new Map<string, Set<string>>();
  private timer: NodeJS.Timeout | null = null;
  private beating = false;

  constructor(
    private readonly boss: PgBoss,
    private readonly schema: string,
    private readonly leaseSeconds: number,
    private readonly onError: (error: Error) => void,
  ) {}

  /** Starts beating (idempotent) and reclaims what lapsed while no worker ran. */
  async start(): Promise<void> {
    if (this.timer) return;
    this.timer = setInterval(() => void this.beat(), (this.leaseSeconds * 1000) / 3);
    this.timer.unref();
    await this.reclaim().catch((error) => this.onError(error as Error));
  }

  hold(queue: string, id: string): void {
    const ids = this.active.get(queue) ?? new Set<string>();
    ids.add(id);
    this.active.set(queue, ids);
  }

  release(queue: string, id: string): void {
    this.active.get(queue)?.delete(id);
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private async beat(): Promise<void> {
    if (this.beating) return;
    this.beating = true;
    try {
      const table = `"${this.schema.replaceAll('"', '""')}".job`;
      for (const [queue, ids] of this.active) {
        if (ids.size === 0) continue;
        await this.boss
          .getDb()
          .executeSql(
            `UPDATE ${table} SET started_on = now() WHERE name = $1 AND id = ANY($2::uuid[]) AND state = 'active'`,
            [queue, [...ids]],
          );
      }
      await this.reclaim();
    } catch (error) {
      this.onError(error as Error);
    } finally {
      this.beating = false;
    }
  }

  private async reclaim(): Promise<void> {
    await this.boss.expire();
  }
}
