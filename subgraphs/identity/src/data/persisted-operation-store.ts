import type { ScopedTx } from "@atelier/db";
import { type PageArgs, prismaKeysetPage } from "@atelier/subgraph-kit";
import type { PersistedOperationManifestVersion } from "../generated/prisma/client";
import type { ManifestEntry } from "../persisted/parse-manifest";
import type { Db } from "./db";

export interface UsageRow {
  apiClientId: string;
  operationId: string | null;
  operationName: string | null;
  windowStart: Date;
  calls: number;
  errors: number;
  totalLatencyMs: number;
  maxLatencyMs: number;
}

const ACTIVE = { status: "ACTIVE" as const };
const NEWEST = { version: { publishedAt: "desc" as const } };

/** The scope's tenant's persisted-operation apps, manifest versions, operations and usage. */
export function createPersistedOperationStore(tx: ScopedTx<Db>) {
  const { db, tenantId } = tx;
  return {
    appsPage: (input: PageArgs) =>
      prismaKeysetPage(
        db,
        { table: `identity."persisted_operation_apps"`, direction: "asc", scope: { tenantId } },
        input,
        (page) => db.persistedOperationApp.findMany({ where: { tenantId }, ...page }),
      ),
    versionsPage: (input: PageArgs, filter: { app: string; status?: "ACTIVE" | "RETIRED" | null }) =>
      prismaKeysetPage(
        db,
        { table: `identity."persisted_operation_versions"`, direction: "asc", scope: { tenantId } },
        input,
        (page) =>
          db.persistedOperationManifestVersion.findMany({
            where: { tenantId, app: { name: filter.app }, ...(filter.status ? { status: filter.status } : {}) },
            ...page,
          }),
      ),
    findVersion: (app: string, version: string): Promise<PersistedOperationManifestVersion | null> =>
      db.persistedOperationManifestVersion.findFirst({ where: { tenantId, version, app: { name: app } } }),
    /** A new version of `app` (created on first publish) with its operations; null if that version exists. */
    async publish(app: string, version: string, entries: ManifestEntry[], publishedById: string) {
      const appRow = await db.persistedOperationApp.upsert({
        where: { tenantId_name: { tenantId, name: app } },
        create: { tenantId, name: app },
        update: {},
      });
      const existing = await db.persistedOperationManifestVersion.findUnique({
        where: { appId_version: { appId: appRow.id, version } },
      });
      if (existing) return null;
      const created = await db.persistedOperationManifestVersion.create({
        data: { tenantId, appId: appRow.id, version, operationCount: entries.length, publishedById },
      });
      await db.persistedOperation.createMany({
        data: entries.map((e) => ({ versionId: created.id, tenantId, ...e })),
      });
      return created;
    },
    retire: (id: string) =>
      db.persistedOperationManifestVersion.update({
        where: { id, tenantId },
        data: { status: "RETIRED", retiredAt: new Date() },
      }),
    /** An ACTIVE operation by id, newest version first, optionally only within some apps. */
    findActiveOperation: (id: string, apps?: string[]) =>
      db.persistedOperation.findFirst({
        where: { id, tenantId, version: apps ? { ...ACTIVE, app: { name: { in: apps } } } : ACTIVE },
        orderBy: NEWEST,
      }),
    usageByOperation: (apiClientId: string, from: Date, to: Date) =>
      db.persistedOperationUsage.groupBy({
        by: ["operationKey", "operationId", "operationName"],
        where: { tenantId, apiClientId, windowStart: { gte: from, lt: to } },
        _sum: { calls: true, errors: true, totalLatencyMs: true },
        _max: { maxLatencyMs: true, windowStart: true },
        _min: { windowStart: true },
      }),
    /** Adds a minute's counts to the client's window. */
    addUsage(row: UsageRow) {
      const operationKey = row.operationId ?? `name:${row.operationName ?? ""}`;
      return db.$executeRaw`
        INSERT INTO identity.persisted_operation_usage
          (id, "tenantId", "apiClientId", "operationKey", "operationId", "operationName", "windowStart",
           calls, errors, "totalLatencyMs", "maxLatencyMs")
        VALUES (gen_random_uuid(), ${tenantId}::uuid, ${row.apiClientId}::uuid, ${operationKey}, ${row.operationId},
           ${row.operationName}, ${row.windowStart}, ${row.calls}, ${row.errors}, ${row.totalLatencyMs}, ${row.maxLatencyMs})
        ON CONFLICT ("apiClientId", "operationKey", "windowStart") DO UPDATE SET
          calls = persisted_operation_usage.calls + EXCLUDED.calls,
          errors = persisted_operation_usage.errors + EXCLUDED.errors,
          "totalLatencyMs" = persisted_operation_usage."totalLatencyMs" + EXCLUDED."totalLatencyMs",
          "maxLatencyMs" = GREATEST(persisted_operation_usage."maxLatencyMs", EXCLUDED."maxLatencyMs")`;
    },
  };
}
