import { Redis } from "ioredis";
import { assertChannel, type EventBus } from "./event-bus";

/**
 * An EventBus on Redis pub/sub, for many replicas: one subscriber connection per process,
 * whatever the number of subscriptions, and one connection for publishing.
 */
export function createRedisEventBus(redisUrl: string, onError: (error: Error) => void = () => {}): EventBus {
  const publisher = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const subscriber = new Redis(redisUrl, { lazyConnect: true });
  const handlers = new Map<string, Set<(message: Record<string, unknown>) => void>>();
  publisher.on("error", onError);
  subscriber.on("error", onError);
  subscriber.on("message", (channel: string, payload: string) => {
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(payload);
    } catch {
      return;
    }
    for (const handler of handlers.get(channel) ?? []) handler(message);
  });
  let connected: Promise<unknown> | undefined;
  const connect = () => {
    connected ??= Promise.all([publisher.connect(), subscriber.connect()]);
    return connected;
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
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        await subscriber.subscribe(channel);
      }
      set.add(handler);
      return async () => {
        set.delete(handler);
        if (set.size === 0 && handlers.get(channel) === set) {
          handlers.delete(channel);
          await subscriber.unsubscribe(channel);
        }
      };
    },
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
