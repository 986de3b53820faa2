/** Whether the bus is receiving now, and how often it had to reconnect: for `/ready` and metrics. */
export interface EventBusState {
  /** The receiving connection is up and listening (false before the first subscription). */
  connected: boolean;
  /** Times the receiving connection was re-established after a loss. */
  reconnects: number;
}

/**
 * Cross-process notifications that something changed. Messages carry ids, not rows: a
 * subscriber reads the change from the owning store, so nothing large or secret travels.
 * Messages sent while the receiving connection is down are lost; after it is back, the bus
 * calls its `onReconnect` listeners so subscribers re-read what they may have missed.
 */
export interface EventBus {
  publish(channel: string, message: Record<string, unknown>): Promise<void>;
  /** Resolves once listening; the returned function stops the subscription. */
  subscribe(channel: string, handler: (message: Record<string, unknown>) => void): Promise<() => Promise<void>>;
  /** Called after each reconnect, once listening again on every channel; returns its remover. */
  onReconnect(listener: () => void): () => void;
  state(): EventBusState;
  /** Readiness: resolves when the bus can publish and deliver now, rejects with why not. */
  check(): Promise<void>;
  close(): Promise<void>;
}

/** Channel names reach Postgres as identifiers: letters, digits, `_` and `.` only. */
export function assertChannel(channel: string): void {
  if (!/^[a-z][a-z0-9_.]{0,62}$/i.test(channel)) throw new Error(`invalid event channel: ${channel}`);
}

/** Delay before reconnect attempt `n` (0-based): 100 ms doubling to 5 s, with jitter so replicas spread out. */
export function reconnectDelayMs(attempt: number): number {
  const base = Math.min(5_000, 100 * 2 ** attempt);
  return Math.round(base / 2 + Math.random() * (base / 2));
}
