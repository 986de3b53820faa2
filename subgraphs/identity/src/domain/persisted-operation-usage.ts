import { BadUserInputError, requireRole } from "@atelier/subgraph-kit";
import { createApiClientStore } from "../data/api-client-store";
import { createPersistedOperationStore } from "../data/persisted-operation-store";
import type { MemberScope } from "../scope";

const MAX_RANGE_MS = 93 * 24 * 3600 * 1000;

/** One API client's calls per operation over a range, most called first; the client must be in the caller's tenant. */
export async function persistedOperationUsage(
  scope: MemberScope,
  input: { apiClientId: string; from: Date; to: Date },
) {
  requireRole(scope.actor, "ADMIN");
  const span = input.to.getTime() - input.from.getTime();
  if (span <= 0 || span > MAX_RANGE_MS) throw new BadUserInputError("to: must be after from, by at most 93 days");
  return scope.read(async (tx) => {
    await createApiClientStore(tx).find(input.apiClientId);
    const groups = await createPersistedOperationStore(tx).usageByOperation(input.apiClientId, input.from, input.to);
    return groups
      .map((g) => {
        const calls = g._sum.calls ?? 0;
        return {
          operationId: g.operationId,
          operationName: g.operationName,
          calls,
          errors: g._sum.errors ?? 0,
          averageLatencyMs: calls > 0 ? Number(g._sum.totalLatencyMs ?? 0n) / calls : 0,
          maxLatencyMs: g._max.maxLatencyMs ?? 0,
          firstCalledAt: g._min.windowStart!,
          lastCalledAt: g._max.windowStart!,
        };
      })
      .sort((a, b) => b.calls - a.calls || (a.operationId ?? "").localeCompare(b.operationId ?? ""));
  });
}
