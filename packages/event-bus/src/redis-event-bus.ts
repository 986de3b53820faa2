import { Redis } from "ioredis";
import { assertChannel, type EventBus, reconnectDelayMs } from "./event-bus";
import { HandlerRegistry } from "./handler-registry";

/** The subscriber connection's client name, so operators (and tests) can find it in `CLIENT LIST`. */
export const SUBSCRIBER_NAME = "atelier-event-bus";

/**
 * An EventBus on Redis pub/sub, for many replicas: one subscriber connection per process,
 * whatever the number of subscriptions, and one connection for publishing. ioredis reconnects
 * with backoff and subscribes again to every channel; once it is ready again, `onReconnect`
 * listeners are told, since messages published meanwhile were lost.
 */
export function createRedisEventBus(redisUrl: string, onError: (error: Error) => void = () => {}): EventBus {
  const retryStrategy = (times: number) => reconnectDelayMs(times - 1);
  const publisher = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3, retryStrategy });
  const subscriber = new Redis(redisUrl, { lazyConnect: true, retryStrategy, connectionName: SUBSCRIBER_NAME });
  const handlers = new HandlerRegistry();
  let connected = false;
  let everReady = false;
  let reconnects = 0;
  publisher.on("error", onError);
  subscriber.on("error", onError);
  subscriber.on("message", (channel: string, payload: string) => handlers.dispatch(channel, payload));
  subscriber.on("close", () => {
    connected = false;
  });
  subscriber.on("ready", () => {
    connected = true;
    if (!everReady) {
      everReady = true;
      return;
    }
    reconnects++;
    handlers.reconnected();
  });
  let connecting: Promise<unknown> | undefined;
  const connect = () => {
    if (!connecting) {
      const attempt = Promise.all([publisher.connect(), subscriber.connect()]);
      connecting = attempt;
      // A failed first connect is tried again by the next call, not remembered forever.
      attempt.catch(() => {
        if (connecting === attempt) connecting = undefined;
      });
    }
    return connecting;
  };

  return {
    async publish(channel, message) {
      assertChannel(channel);
      await connect();
      await publisher.publish(channel, JSON.stringify(message));
    },
    async subscribe(channel, handler) {
      assertChannel(channel);
      await connect();
      if (handlers.add(channel, handler)) await subscriber.subscribe(channel);
      return async () => {
        if (handlers.remove(channel, handler)) await subscriber.unsubscribe(channel).catch(() => undefined);
      };
    },
    onReconnect: (fn) => handlers.onReconnect(fn),
    state: () => ({ connected, reconnects }),
    async check() {
      await connect();
      if (subscriber.status !== "ready") throw new Error(`subscriber connection ${subscriber.status}`);
      await publisher.ping();
    },
    async close() {
      handlers.clear();
      subscriber.disconnect();
      publisher.disconnect();
    },
  };
}
