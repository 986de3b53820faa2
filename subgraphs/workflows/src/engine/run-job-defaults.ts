import type { JobQueue } from "@atelier/job-queue";
import { RUN_DEAD_QUEUE, RUN_QUEUE } from "./enqueue-run";

/**
 * Every run job gets the configured retry limit and the dead-letter queue, wherever it is
 * enqueued: a job that keeps failing (a bug, a poison payload, a worker lost each time) ends
 * in RUN_DEAD_QUEUE, whose handler fails the run, instead of leaving it in its last status.
 */
export function withRunJobDefaults(queue: JobQueue, retryLimit: number): JobQueue {
  return {
    ...queue,
    send(name, data, options = {}) {
      if (name !== RUN_QUEUE) return queue.send(name, data, options);
      return queue.send(name, data, { retryLimit, ...options, deadLetter: RUN_DEAD_QUEUE });
    },
  };
}
