import { type Client, createClient } from "graphql-ws";
import WebSocket from "ws";

export interface Collected<T> {
  values: T[];
  errors: unknown[];
  done: Promise<void>;
  stop(): void;
}

/** A real graphql-ws client; collects every `next` payload of one subscription. */
export function subscribe<T>(url: string, token: string | null, query: string, variables: Record<string, unknown>) {
  const closes: { code: number; reason: string }[] = [];
  const client: Client = createClient({
    url,
    webSocketImpl: WebSocket,
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => {},
    connectionParams: token ? { authorization: `Bearer ${token}` } : {},
    on: { closed: (event) => closes.push(event as { code: number; reason: string }) },
  });
  const collected: Collected<T> & { closes: typeof closes; client: Client } = {
    values: [],
    errors: [],
    closes,
    client,
    done: Promise.resolve(),
    stop: () => {},
  };
  collected.done = new Promise<void>((resolve) => {
    collected.stop = client.subscribe<T>(
      { query, variables },
      {
        next: (value) => {
          if (value.errors) collected.errors.push(...value.errors);
          else collected.values.push(value.data as T);
        },
        error: (error) => {
          collected.errors.push(error);
          resolve();
        },
        complete: () => resolve(),
      },
    );
  });
  return collected;
}
