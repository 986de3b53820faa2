import type { CatchUpExecutor } from "./live-subscription";

/**
 * Subscribers of one stream with the same audience, selection and position wake together and
 * would ask the same question: one execution answers them all.
 */
export function coalesceCatchUps(execute: CatchUpExecutor): CatchUpExecutor {
  const inFlight = new Map<string, ReturnType<CatchUpExecutor>>();
  return (request, identity) => {
    const key = request.shareKey;
    const pending = inFlight.get(key);
    if (pending) return pending;
    const started = execute(request, identity).finally(() => inFlight.delete(key));
    inFlight.set(key, started);
    return started;
  };
}
