import { createEventBus, type EventBus } from "@atelier/event-bus";
import type { Logger } from "@atelier/logging";

/** The bus the gateway listens on: Postgres NOTIFY on `databaseUrl`, or Redis when `redisUrl` is set. */
export function createGatewayEventBus(
  config: { databaseUrl: string; redisUrl: string | undefined },
  logger: Logger,
): EventBus {
  return createEventBus({ databaseUrl: config.databaseUrl, redisUrl: config.redisUrl }, (error) =>
    logger.error({ err: error }, "event bus connection error"),
  );
}
