import type { EventBus } from "@atelier/event-bus";

/** What subgraphs publish after commit on the `atelier_events` channel. */
export interface StreamEventNotice {
  tenantId: string;
  topics: string[];
  streamId: string;
  /** The position in the stream `streamId`; a feed's position is assigned at commit and not known here. */
  sequence: number;
}

export const STREAM_EVENTS_CHANNEL = "atelier_events";

type Listener = (notice: StreamEventNotice) => void;
type Wake = () => void;

/**
 * One bus subscription per gateway process, fanned out to the live subscriptions by topic:
 * a thousand subscribers cost one LISTEN (or one Redis SUBSCRIBE), not a thousand.
 */
export class TopicHub {
  private readonly listeners = new Map<string, Set<Listener>>();
  private readonly wakes = new Set<Wake>();
  private stop: Promise<() => Promise<void>> | undefined;

  constructor(private readonly bus: EventBus) {
    // Notices published while the bus was down are lost: every open subscription re-reads once.
    bus.onReconnect(() => {
      for (const wake of this.wakes) wake();
    });
  }

  start(): Promise<void> {
    if (!this.stop) {
      const subscribing = this.bus.subscribe(STREAM_EVENTS_CHANNEL, (message) => this.dispatch(message));
      this.stop = subscribing;
      // A bus that could not be reached is tried again by the next subscription.
      subscribing.catch(() => {
        if (this.stop === subscribing) this.stop = undefined;
      });
    }
    return this.stop.then(() => undefined);
  }

  /** Calls `wake` after each bus reconnect (a catch-up for what was missed); returns its remover. */
  onReconnect(wake: Wake): () => void {
    this.wakes.add(wake);
    return () => this.wakes.delete(wake);
  }

  /** The bus connection's state, for readiness and metrics. */
  busState() {
    return this.bus.state();
  }

  listen(topic: string, listener: Listener): () => void {
    let set = this.listeners.get(topic);
    if (!set) {
      set = new Set();
      this.listeners.set(topic, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0) this.listeners.delete(topic);
    };
  }

  get topicCount(): number {
    return this.listeners.size;
  }

  async close(): Promise<void> {
    this.listeners.clear();
    this.wakes.clear();
    if (this.stop) await (await this.stop.catch(() => undefined))?.();
  }

  private dispatch(message: Record<string, unknown>): void {
    const notice = message as unknown as StreamEventNotice;
    if (!Array.isArray(notice.topics) || typeof notice.tenantId !== "string") return;
    for (const topic of notice.topics) {
      for (const listener of this.listeners.get(topic) ?? []) listener(notice);
    }
  }
}
