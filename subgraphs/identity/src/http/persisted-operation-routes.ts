import { z } from "zod";
import type { IdentityServices } from "../context";
import { lookupPersistedOperation } from "../domain/lookup-persisted-operation";
import { recordOperationUsage } from "../domain/record-operation-usage";
import { internalJsonRoute } from "./json-route";

const text = (max: number) => z.string().min(1).max(max);
const lookupBody = z
  .object({ id: text(128), apiClientId: z.uuid().optional(), tenantId: z.uuid().optional() })
  .refine((b) => Boolean(b.apiClientId) !== Boolean(b.tenantId), "name exactly one of apiClientId and tenantId");
const count = z.number().int().min(0).max(1_000_000_000);
const usageBody = z.object({
  rows: z
    .array(
      z.object({
        tenantId: z.uuid(),
        apiClientId: z.uuid(),
        operationId: text(128).nullable(),
        operationName: text(200).nullable(),
        windowStart: z.coerce.date(),
        calls: count,
        errors: count,
        totalLatencyMs: count,
        maxLatencyMs: count,
      }),
    )
    .max(100),
});

/** The gateway's persisted-operation endpoints: id lookup and usage intake. */
export function persistedOperationRoutes(services: IdentityServices) {
  return {
    "/internal/persisted-operations/lookup": internalJsonRoute(lookupBody, async (body) => {
      const found = await lookupPersistedOperation(services, body);
      return found ? { status: 200, body: found } : { status: 404, body: { error: "not found" } };
    }),
    "/internal/persisted-operations/usage": internalJsonRoute(usageBody, async ({ rows }) => {
      const recorded = await recordOperationUsage(services, rows);
      return { status: 200, body: { recorded } };
    }),
  };
}
