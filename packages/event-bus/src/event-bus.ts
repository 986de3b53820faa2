/**
 * Cross-process notifications that something changed. Messages carry ids, not rows: a
 * subscriber reads the change from the owning store, so nothing large or secret travels.
 */
export interface EventBus {
  publish(channel: string, message: Record<string, unknown>): Promise<void>;
  /** Resolves once listening; the returned function stops the subscription. */
  subscribe(channel: string, handler: (message: Record<string, unknown>) => void): Promise<() => Promise<void>>;
  /** Readiness: resolves when the bus can publish and deliver now, rejects with why not. */
  check(): Promise<void>;
  close(): Promise<void>;
}

/** Channel names reach Postgres as identifiers: letters, digits, `_` and `.` only. */
export function assertChannel(channel: string): void {
  if (!/^[a-z][a-z0-9_.]{0,62}$/i.test(channel)) throw new Error(`invalid event channel: ${channel}`);
}
