import pg from "pg";
import { assertChannel, type EventBus } from "./event-bus";

/**
 * An EventBus on Postgres LISTEN/NOTIFY: one dedicated listening connection per process, and
 * publishes through a small pool. NOTIFY inside a transaction is delivered on commit only,
 * so publishing after commit (or inside it) never announces a change that rolled back.
 */
export function createPostgresEventBus(databaseUrl: string, onError: (error: Error) => void = () => {}): EventBus {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  // An idle connection the server ends (restart, dropped database) must not crash the process.
  pool.on("error", onError);
  const handlers = new Map<string, Set<(message: Record<string, unknown>) => void>>();
  let listener: Promise<pg.Client> | undefined;
  let listenerLost: Error | undefined;

  function connectListener(): Promise<pg.Client> {
    listener ??= (async () => {
      const client = new pg.Client({ connectionString: databaseUrl });
      client.on("notification", ({ channel, payload }) => {
        if (!payload) return;
        let message: Record<string, unknown>;
        try {
          message = JSON.parse(payload);
        } catch {
          return;
        }
        for (const handler of handlers.get(channel) ?? []) handler(message);
      });
      client.on("error", (error) => {
        listenerLost = error;
        onError(error);
      });
      client.on("end", () => {
        listenerLost ??= new Error("listening connection ended");
      });
      await client.connect();
      return client;
    })();
    return listener;
  }

  return {
    async publish(channel, message) {
      assertChannel(channel);
      await pool.query("SELECT pg_notify($1, $2)", [channel, JSON.stringify(message)]);
    },
    async subscribe(channel, handler) {
      assertChannel(channel);
      const client = await connectListener();
      let set = handlers.get(channel);
      if (!set) {
        set = new Set();
        handlers.set(channel, set);
        await client.query(`LISTEN "${channel}"`);
      }
      set.add(handler);
      return async () => {
        set.delete(handler);
        if (set.size === 0 && handlers.get(channel) === set) {
          handlers.delete(channel);
          await client.query(`UNLISTEN "${channel}"`);
        }
      };
    },
    async check() {
      if (listenerLost) throw listenerLost;
      await pool.query("SELECT 1");
    },
    async close() {
      handlers.clear();
      if (listener) await (await listener).end();
      await pool.end();
    },
  };
}
