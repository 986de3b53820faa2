import type { EventBus } from "@atelier/event-bus";

/** What subgraphs publish after commit on the `atelier_events` channel. */
export interface StreamEventNotice {
  tenantId: string;
  topics: string[];
  streamId: string;
  sequence: number;
}

export const STREAM_EVENTS_CHANNEL = "atelier_events";

type Listener = (notice: StreamEventNotice) => void;

/**
 * One bus subscription per gateway process, fanned out to the live subscriptions by topic:
 * a thousand subscribers cost one LISTEN (or one Redis SUBSCRIBE), not a thousand.
 */
export class TopicHub {
  private readonly listeners = new Map<string, Set<Listener>>();
  private stop: Promise<() => Promise<void>> | undefined;

  constructor(private readonly bus: EventBus) {}

  start(): Promise<void> {
    this.stop ??= this.bus.subscribe(STREAM_EVENTS_CHANNEL, (message) => this.dispatch(message));
    return this.stop.then(() => undefined);
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
    if (this.stop) await (await this.stop)();
  }

  private dispatch(message: Record<string, unknown>): void {
    const notice = message as unknown as StreamEventNotice;
    if (!Array.isArray(notice.topics) || typeof notice.tenantId !== "string") return;
    for (const topic of notice.topics) {
      for (const listener of this.listeners.get(topic) ?? []) listener(notice);
    }
  }
}
