import { type Client, createClient } from "graphql-ws";
import WebSocket from "ws";

export const RUN_FEED = `subscription($workspaceId: ID!, $after: Int) {
  workflowRunsUpdated(workspaceId: $workspaceId, afterSequence: $after) { sequence type status stepKey at run { id } }
}`;

export interface FeedEvent {
  sequence: number;
  type: string;
  status: string;
  stepKey: string | null;
  at: string;
  run: { id: string };
}

export interface Arrival {
  event: FeedEvent;
  /** Date.now() when the client received it. */
  arrivedAt: number;
}

/**
 * A dashboard watching a workspace's run feed through the gateway with a real graphql-ws client.
 * `disconnect()` drops the socket; `resume()` subscribes again after the last sequence it saw.
 */
export class FeedWatcher {
  readonly arrivals: Arrival[] = [];
  readonly errors: { code?: string; message: string; serviceName?: string }[] = [];
  completions = 0;
  private client: Client | undefined;

  constructor(
    private readonly url: string,
    private readonly token: string,
    private readonly workspaceId: string,
  ) {}

  get last(): number {
    return this.arrivals.reduce((max, a) => Math.max(max, a.event.sequence), 0);
  }

  get sequences(): number[] {
    return this.arrivals.map((a) => a.event.sequence);
  }

  /** Subscribes (after the last sequence seen); resolves once the gateway acknowledged the connection. */
  async resume(): Promise<void> {
    let acknowledged!: () => void;
    const connected = new Promise<void>((resolve) => {
      acknowledged = resolve;
    });
    const client = createClient({
      url: this.url,
      webSocketImpl: WebSocket,
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => {},
      connectionParams: { authorization: `Bearer ${this.token}` },
      on: { connected: () => acknowledged() },
    });
    this.client = client;
    client.subscribe<{ workflowRunsUpdated: FeedEvent }>(
      { query: RUN_FEED, variables: { workspaceId: this.workspaceId, after: this.last } },
      {
        next: (value) => {
          if (value.errors?.length) {
            for (const e of value.errors) {
              const ext = (e.extensions ?? {}) as { code?: string; serviceName?: string };
              this.errors.push({ message: e.message, code: ext.code, serviceName: ext.serviceName });
            }
            return;
          }
          if (value.data) this.arrivals.push({ event: value.data.workflowRunsUpdated, arrivedAt: Date.now() });
        },
        error: (error) => this.errors.push({ message: String((error as Error)?.message ?? error) }),
        complete: () => {
          this.completions++;
        },
      },
    );
    await connected;
  }

  async disconnect(): Promise<void> {
    await this.client?.dispose();
    this.client = undefined;
  }
}
