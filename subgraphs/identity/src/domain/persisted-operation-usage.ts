import { BadUserInputError } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import { findApiClientInTenant } from "../data/api-clients";
import { authorize } from "./authorize";

const MAX_RANGE_MS = 93 * 24 * 3600 * 1000;

/** One API client's calls per operation over a range, most called first; the client must be in the caller's tenant. */
export async function persistedOperationUsage(
  ctx: IdentityContext,
  input: { apiClientId: string; from: Date; to: Date },
) {
  const scope = await authorize(ctx, "ADMIN");
  const { actor } = scope;
  const span = input.to.getTime() - input.from.getTime();
  if (span <= 0 || span > MAX_RANGE_MS) throw new BadUserInputError("to: must be after from, by at most 93 days");
  return scope.read(async ({ db: tx }) => {
    await findApiClientInTenant(tx, actor.tenantId, input.apiClientId);
    const groups = await tx.persistedOperationUsage.groupBy({
      by: ["operationKey", "operationId", "operationName"],
      where: {
        tenantId: actor.tenantId,
        apiClientId: input.apiClientId,
        windowStart: { gte: input.from, lt: input.to },
      },
      _sum: { calls: true, errors: true, totalLatencyMs: true },
      _max: { maxLatencyMs: true, windowStart: true },
      _min: { windowStart: true },
    });
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
