import type { Logger } from "@atelier/logging";

export interface Stoppable {
  stop(): Promise<void>;
}

/**
 * The process's shutdown: on SIGTERM or SIGINT, stop the service (drain, close, release) and exit
 * 0, or 1 when stopping failed. A second signal exits at once.
 */
export function stopOnSignals(service: Stoppable, logger: Pick<Logger, "info" | "error">): void {
  let stopping = false;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      if (stopping) {
        logger.error({ signal }, "second signal: exiting without finishing the shutdown");
        process.exit(1);
      }
      stopping = true;
      const started = Date.now();
      logger.info({ signal }, "shutting down");
      service.stop().then(
        () => {
          logger.info({ ms: Date.now() - started }, "stopped");
          process.exit(0);
        },
        (error: unknown) => {
          logger.error({ err: error }, "shutdown failed");
          process.exit(1);
        },
      );
    });
  }
}
