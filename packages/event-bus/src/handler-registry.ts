type Handler = (message: Record<string, unknown>) => void;

/** The handlers of one bus, by channel, and who to tell when its connection came back. */
export class HandlerRegistry {
  private readonly byChannel = new Map<string, Set<Handler>>();
  private readonly reconnectListeners = new Set<() => void>();

  /** Adds a handler; true when it is the channel's first (so the caller starts listening). */
  add(channel: string, handler: Handler): boolean {
    let set = this.byChannel.get(channel);
    const first = !set;
    if (!set) {
      set = new Set();
      this.byChannel.set(channel, set);
    }
    set.add(handler);
    return first;
  }

  /** Removes a handler; true when the channel has none left (so the caller stops listening). */
  remove(channel: string, handler: Handler): boolean {
    const set = this.byChannel.get(channel);
    if (!set?.delete(handler) || set.size > 0) return false;
    this.byChannel.delete(channel);
    return true;
  }

  channels(): string[] {
    return [...this.byChannel.keys()];
  }

  dispatch(channel: string, payload: string | undefined): void {
    if (!payload) return;
    let message: Record<string, unknown>;
    try {
      message = JSON.parse(payload);
    } catch {
      return;
    }
    for (const handler of this.byChannel.get(channel) ?? []) handler(message);
  }

  onReconnect(listener: () => void): () => void {
    this.reconnectListeners.add(listener);
    return () => this.reconnectListeners.delete(listener);
  }

  reconnected(): void {
    for (const listener of this.reconnectListeners) listener();
  }

  clear(): void {
    this.byChannel.clear();
    this.reconnectListeners.clear();
  }
}
