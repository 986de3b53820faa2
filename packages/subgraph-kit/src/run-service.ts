import { createLogger } from "@atelier/logging";
import {
  collectProcessMetrics,
  type Stoppable,
  startOperationalServer,
  startTracing,
  stopOnSignals,
} from "@atelier/service-runtime";

export interface ServiceProcessOptions {
  /** The service's name in logs, metrics and traces (e.g. "creative-worker"). */
  name: string;
  logLevel: string;
  otlpEndpoint: string | null;
  /** For processes without an HTTP server (workers): serve /health, /ready and /metrics here. */
  metricsPort?: number | null;
}

/**
 * A service's process: process metrics and tracing on, the service started, and on SIGTERM or
 * SIGINT a graceful stop (drain, close, release) before exiting 0.
 */
export async function runServiceProcess(opts: ServiceProcessOptions, start: () => Promise<Stoppable>): Promise<void> {
  collectProcessMetrics(opts.name);
  const tracing = await startTracing({ service: opts.name, otlpEndpoint: opts.otlpEndpoint });
  const service = await start();
  const operational = opts.metricsPort != null ? await startOperationalServer({ port: opts.metricsPort }) : undefined;
  stopOnSignals(
    {
      async stop() {
        operational?.markDraining();
        await service.stop();
        await operational?.close();
        await tracing.shutdown();
      },
    },
    createLogger({ service: opts.name, level: opts.logLevel }),
  );
}
