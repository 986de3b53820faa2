import { createClient } from "graphql-ws";

export interface RunEvent {
  sequence: number;
  status: string;
  stepKey: string | null;
}

/** Watches one run's status; returns a function that stops watching. */
export function watchRun(opts: {
  url: string;
  accessToken: string;
  runId: string;
  onEvent: (event: RunEvent) => void;
  webSocketImpl?: unknown; // Node 20: the `ws` package; browsers and Node 22 have their own
}): () => void {
  let last = 0;
  const client = createClient({
    url: opts.url,
    webSocketImpl: opts.webSocketImpl,
    connectionParams: { authorization: `Bearer ${opts.accessToken}` },
    retryAttempts: Number.POSITIVE_INFINITY,
    shouldRetry: () => true,
  });
  const stop = client.subscribe<{ workflowRunUpdated: RunEvent }>(
    {
      query: `subscription Run($runId: ID!, $after: Int) {
        workflowRunUpdated(runId: $runId, afterSequence: $after) { sequence status stepKey }
      }`,
      // A getter: graphql-ws reads it each time it (re)subscribes, so after one of its own
      // reconnects the gateway resumes after the last event seen instead of replaying them all.
      variables: {
        runId: opts.runId,
        get after() {
          return last;
        },
      },
    },
    {
      next: ({ data }) => {
        if (!data) return;
        last = data.workflowRunUpdated.sequence;
        opts.onEvent(data.workflowRunUpdated);
      },
      error: console.error,
      complete: () => {},
    },
  );
  return () => {
    stop();
    void client.dispose();
  };
}
