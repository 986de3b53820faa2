import pg from "pg";
import { assertChannel, type EventBus, reconnectDelayMs } from "./event-bus";
import { HandlerRegistry } from "./handler-registry";

/**
 * An EventBus on Postgres LISTEN/NOTIFY: one dedicated listening connection per process, and
 * publishes through a small pool. NOTIFY inside a transaction is delivered on commit only,
 * so publishing after commit (or inside it) never announces a change that rolled back.
 * When the listening connection is lost (failover, pg_terminate_backend), it reconnects with
 * backoff, LISTENs again on every channel and tells `onReconnect` listeners.
 */
export function createPostgresEventBus(databaseUrl: string, onError: (error: Error) => void = () => {}): EventBus {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 2 });
  // A connection the server ends (restart, dropped database) must not crash the process.
  pool.on("error", onError);
  pool.on("connect", (client) => client.on("error", onError));
  const handlers = new HandlerRegistry();
  let listener: Promise<pg.Client> | undefined;
  let connected = false;
  let reconnects = 0;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  let active: pg.Client | undefined;

  async function openListener(): Promise<pg.Client> {
    const client = new pg.Client({ connectionString: databaseUrl });
    client.on("notification", ({ channel, payload }) => handlers.dispatch(channel, payload));
    let live = false;
    const onLost = (error?: Error) => {
      if (error) onError(error);
      if (!live) return;
      live = false;
      connected = false;
      client.end().catch(() => undefined);
      if (!closed) listener = reconnect(0);
    };
    client.on("error", onLost);
    client.on("end", () => onLost());
    try {
      await client.connect();
      for (const channel of handlers.channels()) await client.query(`LISTEN "${channel}"`);
    } catch (error) {
      client.end().catch(() => undefined);
      throw error;
    }
    live = true;
    connected = true;
    active = client;
    return client;
  }

  /** Resolves with the new listening connection once one is up, trying with backoff until then. */
  function reconnect(attempt: number): Promise<pg.Client> {
    return new Promise((resolve, reject) => {
      retry = setTimeout(() => {
        if (closed) return reject(new Error("event bus closed"));
        openListener().then(
          (client) => {
            reconnects++;
            resolve(client);
            handlers.reconnected();
          },
          () => resolve(reconnect(attempt + 1)),
        );
      }, reconnectDelayMs(attempt));
      retry.unref();
    });
  }

  function connectListener(): Promise<pg.Client> {
    if (!listener) {
      const first = openListener();
      listener = first;
      // A failed first connect is retried by the next subscribe, not remembered forever.
      first.catch(() => {
        if (listener === first) listener = undefined;
      });
    }
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
      if (handlers.add(channel, handler)) await client.query(`LISTEN "${channel}"`);
      return async () => {
        if (handlers.remove(channel, handler) && connected) {
          await (await listener)?.query(`UNLISTEN "${channel}"`).catch(() => undefined);
        }
      };
    },
    onReconnect: (fn) => handlers.onReconnect(fn),
    state: () => ({ connected, reconnects }),
    async check() {
      if (listener && !connected) throw new Error("event bus: the listening connection is down (reconnecting)");
      await pool.query("SELECT 1");
    },
    async close() {
      closed = true;
      clearTimeout(retry);
      handlers.clear();
      listener = undefined;
      await active?.end().catch(() => undefined);
      await pool.end();
    },
  };
}
