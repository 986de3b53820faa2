import { setTimeout as sleep } from "node:timers/promises";
import type PgBoss from "pg-boss";
import type { JobLeases } from "./job-leases";

export interface Job<T> {
  id: string;
  data: T;
}

export interface JobLoopOptions {
  queue: string;
  /** Jobs this loop runs at once. */
  concurrency: number;
  /** How long an idle loop waits before looking for jobs again. */
  pollingIntervalMs: number;
  /** A handler still running after this long is given up and its job failed (retried). */
  timeLimitMs: number;
  onError: (error: Error) => void;
}

/**
 * Runs a queue's jobs with up to `concurrency` in flight: each free slot is filled as soon as
 * it frees (back to back while jobs wait, one round trip for all free slots), each job is
 * completed or failed the moment its handler settles, and the loop sleeps only when the
 * queue had nothing to hand out.
 */
export class JobLoop<T> {
  private readonly running = new Map<string, Promise<void>>();
  private stopping = false;
  private wake: (() => void) | null = null;
  private done: Promise<void> | null = null;

  constructor(
    private readonly boss: PgBoss,
    private readonly leases: JobLeases,
    private readonly opts: JobLoopOptions,
    private readonly handler: (job: Job<T>) => Promise<void>,
  ) {}

  start(): void {
    this.done ??= this.loop();
  }

  /** Looks again now (a job was just sent by this process). */
  poke(): void {
    this.wake?.();
  }

  /** Stops fetching; waits up to `timeoutMs` for the jobs in flight (the rest are reclaimed by lease). */
  async stop(timeoutMs: number): Promise<void> {
    this.stopping = true;
    this.poke();
    await this.done;
    await Promise.race([Promise.allSettled(this.running.values()), sleep(timeoutMs)]);
  }

  private async loop(): Promise<void> {
    while (!this.stopping) {
      const free = this.opts.concurrency - this.running.size;
      let fetched = 0;
      if (free > 0) {
        try {
          const jobs = await this.boss.fetch<T>(this.opts.queue, { batchSize: free });
          fetched = jobs?.length ?? 0;
          for (const job of jobs ?? []) this.run(job);
        } catch (error) {
          this.opts.onError(error as Error);
        }
      }
      if (this.stopping) break;
      // Checked after the fetch, synchronously with setting up the wait, so no job's end is missed.
      if (this.running.size >= this.opts.concurrency) await this.pause(null);
      // The queue ran dry: look again after the interval, or sooner when a job ends (its handler
      // may have enqueued the next one). Otherwise more may wait: fetch again at once.
      else if (fetched < free) await this.pause(this.opts.pollingIntervalMs);
    }
  }

  private pause(ms: number | null): Promise<void> {
    return new Promise((resolve) => {
      const timer = ms === null ? null : setTimeout(() => this.resume(), ms);
      this.wake = () => {
        if (timer) clearTimeout(timer);
        this.wake = null;
        resolve();
      };
    });
  }

  private resume(): void {
    this.wake?.();
  }

  private run(job: PgBoss.Job<T>): void {
    const { queue } = this.opts;
    this.leases.hold(queue, job.id);
    const settled = this.settle(job).finally(() => {
      this.leases.release(queue, job.id);
      this.running.delete(job.id);
      this.resume();
    });
    this.running.set(job.id, settled);
  }

  private async settle(job: PgBoss.Job<T>): Promise<void> {
    const { queue } = this.opts;
    let timer: NodeJS.Timeout | undefined;
    const timeLimit = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`job ran longer than ${this.opts.timeLimitMs / 1000} s`)),
        this.opts.timeLimitMs,
      );
    });
    let failure: Error | null = null;
    try {
      await Promise.race([this.handler({ id: job.id, data: job.data }), timeLimit]);
    } catch (error) {
      failure = error as Error;
    }
    try {
      // A job whose completion is lost (connection dropped) is handed out again: handlers are idempotent.
      if (failure) await this.boss.fail(queue, job.id, { message: failure.message, stack: failure.stack });
      else await this.boss.complete(queue, job.id);
    } catch (error) {
      this.opts.onError(error as Error);
    } finally {
      clearTimeout(timer);
    }
  }
}
