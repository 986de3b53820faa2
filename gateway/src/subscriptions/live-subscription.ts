import type { Identity } from "@atelier/internal-auth";
import type { Logger } from "@atelier/logging";
import { gauge } from "@atelier/service-runtime";
import type { ExecutionResult, GraphQLFormattedError } from "graphql";
import { audienceKey } from "./audience";
import { isTransient, retryDelayMs, toGraphQLErrors } from "./catch-up-errors";
import { AFTER_VARIABLE, type CatchUpOperation, SEQUENCE_ALIAS } from "./catch-up-operation";
import { PushQueue } from "./push-queue";
import { createQueryIds } from "./query-ids";
import type { TopicHub } from "./topic-hub";

export interface CatchUpRequest {
  query: string;
  variables: Record<string, unknown>;
  /** The operation and its variables but the position: alike for every page of one subscription. */
  operationKey: string;
  /** The operation, its variables and the position: whose reads are alike but for who reads. */
  positionKey: string;
  /** Requests with the same key may share one execution (positionKey and the audience). */
  shareKey: string;
}

const queryIdOf = createQueryIds();

export type CatchUpExecutor = (request: CatchUpRequest, identity: Identity) => Promise<ExecutionResult>;

export interface LiveSubscriptionOptions {
  operation: CatchUpOperation;
  variables: Record<string, unknown>;
  identity: Identity;
  hub: TopicHub;
  execute: CatchUpExecutor;
  pageSize: number;
  /** Re-read this often even without notices: a notice lost between commit and publish delays, never drops, an event. */
  resyncMs: number;
  log: Logger;
}

/** A catch-up read that answered errors (already formatted, with their codes). */
class CatchUpFailed extends Error {
  constructor(readonly errors: readonly GraphQLFormattedError[]) {
    super(errors[0]?.message ?? "catch-up failed");
  }
}

const UNEXPECTED: GraphQLFormattedError = {
  message: "Unexpected error.",
  extensions: { code: "INTERNAL_SERVER_ERROR" },
};

function tenantOf(identity: Identity): string | null {
  return identity.kind === "user" || identity.kind === "apiClient" ? identity.tenantId : null;
}

/**
 * One client subscription: reads the events after the last sequence it delivered whenever its
 * topic has news, so events arrive in order, without gaps, and a reconnect with
 * `afterSequence` resumes exactly where the client stopped.
 */
const openSubscriptions = () => gauge("atelier_subscriptions_open", "Live subscriptions being served");

export function startLiveSubscription(opts: LiveSubscriptionOptions): AsyncIterableIterator<ExecutionResult> {
  const { operation, identity } = opts;
  let last = operation.initialAfter;
  let running = false;
  let dirty = false;
  let failures = 0;
  let retry: NodeJS.Timeout | undefined;
  const tenant = tenantOf(identity);
  const audience = audienceKey(identity, operation.audience);
  const operationKey = `${queryIdOf(operation.query)}\n${JSON.stringify(opts.variables)}`;
  // A per-entity stream's notices carry its own sequence; a feed's position is assigned at
  // commit and is not in the notice, so every notice of a feed's topic wakes it.
  const ownStreamId = operation.topic.slice(operation.topic.indexOf(":") + 1);

  const stopListening = opts.hub.listen(operation.topic, (notice) => {
    // First wall: never wake a subscription for another tenant's stream. The catch-up
    // query, run with the subscriber's identity, is the second.
    if (notice.tenantId !== tenant) return;
    if (notice.streamId === ownStreamId && notice.sequence <= last) return;
    void drain();
  });
  const stopWaking = opts.hub.onReconnect(() => void drain());
  const timer = setInterval(() => void drain(), opts.resyncMs);
  timer.unref();
  openSubscriptions().inc();
  const queue = new PushQueue<ExecutionResult>(() => {
    openSubscriptions().dec();
    stopListening();
    stopWaking();
    clearInterval(timer);
    clearTimeout(retry);
  });

  async function readPage(): Promise<number> {
    const variables = { ...opts.variables, [AFTER_VARIABLE]: last };
    const positionKey = `${operationKey}\n${last}`;
    const shareKey = `${audience}\n${positionKey}`;
    const request = { query: operation.query, variables, operationKey, positionKey, shareKey };
    const result = await opts.execute(request, identity);
    if (result.errors?.length) throw new CatchUpFailed(result.errors);
    const events = (result.data?.[operation.responseKey] ?? []) as Record<string, unknown>[];
    for (const event of events) {
      const { [SEQUENCE_ALIAS]: sequence, ...payload } = event;
      if (typeof sequence !== "number" || sequence <= last) continue;
      last = sequence;
      queue.push({ data: { [operation.responseKey]: payload } });
    }
    return events.length;
  }

  /** Sends the errors with their codes; a transient failure (subgraph restarting) is retried with backoff, once told. */
  function fail(errors: readonly GraphQLFormattedError[]): void {
    if (!isTransient(errors)) {
      queue.push({ errors: toGraphQLErrors(errors) });
      queue.end();
      return;
    }
    if (failures === 0) queue.push({ errors: toGraphQLErrors(errors) });
    clearTimeout(retry);
    retry = setTimeout(() => void drain(), retryDelayMs(failures++));
    retry.unref();
  }

  async function drain(): Promise<void> {
    if (running) {
      dirty = true;
      return;
    }
    running = true;
    try {
      do {
        dirty = false;
        while (!queue.closed && (await readPage()) >= opts.pageSize);
      } while (dirty && !queue.closed);
      failures = 0;
    } catch (error) {
      if (error instanceof CatchUpFailed) fail(error.errors);
      else {
        opts.log.error({ err: error, topic: operation.topic }, "subscription catch-up failed");
        fail([UNEXPECTED]);
      }
    } finally {
      running = false;
    }
  }

  void drain();
  return queue;
}
