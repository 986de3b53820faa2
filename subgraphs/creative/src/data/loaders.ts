import type { ScopedTx, SqlTx } from "@atelier/db";
import { type Actor, type KeyedRow, requireReader } from "@atelier/subgraph-kit";
import DataLoader from "dataloader";
import { assetVisibleSql } from "../domain/asset-visible-sql";
import { assetVisibleWhere } from "../domain/asset-visible-where";
import type {
  AiModel,
  AiModelDeployment,
  AiModelValidationResult,
  AiModelVersion,
  Asset,
  AssetVersion,
  BrandKit,
  GenerationRequest,
  Project,
  Template,
  Workspace,
  WorkspaceLink,
} from "../generated/prisma/client";
import type { CreativeScope } from "../scope/creative-scope";
import type { ReadMany } from "../scope/tenant-transactions";
import { loaderReads, manyStatementReads } from "../scope/tenant-transactions";
import { type AssetWithVersions, createAssetPageStore } from "./asset-page-store";
import { createAssetVersionStore } from "./asset-version-store";
import { type ChildPageKey, createChildPageStore } from "./child-page-store";
import type { Db } from "./db";

function byId<T extends { id: string }>(rows: T[], ids: readonly string[]): (T | null)[] {
  const map = new Map(rows.map((row) => [row.id, row]));
  return ids.map((id) => map.get(id) ?? null);
}

function groupBy<T>(rows: T[], keys: readonly string[], keyOf: (row: T) => string): T[][] {
  const groups = new Map<string, T[]>(keys.map((k) => [k, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((k) => groups.get(k) ?? []);
}

export type ProjectPageKey = ChildPageKey & { status?: string | null };

/**
 * Per-request batching of every entity reference and list field, each batch one query in the
 * request's tenant scope. Built per request: a shared cache would mix tenants.
 */
export function createLoaders(scope: CreativeScope) {
  const { sql } = scope.services;
  let checked = false;
  /** The scope's actor, once it may read creative data (any member, or an API client with creative:read). */
  const who = (): Actor => {
    if (!checked) requireReader(scope.actor, "creative");
    checked = true;
    return scope.actor;
  };
  const run = <R>(fn: (tx: Db, a: Actor) => Promise<R>) => {
    const a = who();
    return scope.read((tx) => fn(tx.db, a));
  };
  // The nested lists of the dashboard: plain pg, each statement one read-only transaction in one round trip.
  const read = <R>(fn: (tx: ScopedTx<SqlTx>, a: Actor) => Promise<R>) => {
    const a = who();
    return scope.using(loaderReads(sql)).read((tx) => fn(tx, a));
  };
  const readMany = <R>(fn: (tx: ScopedTx<ReadMany>, a: Actor) => Promise<R>) => {
    const a = who();
    return scope.using(manyStatementReads(sql)).read((tx) => fn(tx, a));
  };
  const cacheKeyFn = (key: object) => JSON.stringify(key);
  return {
    actor: who,
    workspaceById: new DataLoader<string, Workspace | null>((ids) =>
      run(async (tx, a) =>
        byId(await tx.workspace.findMany({ where: { tenantId: a.tenantId, id: { in: [...ids] } } }), ids),
      ),
    ),
    projectById: new DataLoader<string, Project | null>((ids) =>
      run(async (tx, a) =>
        byId(
          await tx.project.findMany({ where: { tenantId: a.tenantId, id: { in: [...ids] }, deletedAt: null } }),
          ids,
        ),
      ),
    ),
    assetById: new DataLoader<string, Asset | null>((ids) =>
      run(async (tx, a) =>
        byId(
          await tx.asset.findMany({
            where: { tenantId: a.tenantId, id: { in: [...ids] }, deletedAt: null, ...assetVisibleWhere(a) },
          }),
          ids,
        ),
      ),
    ),
    brandKitById: new DataLoader<string, BrandKit | null>((ids) =>
      run(async (tx, a) =>
        byId(await tx.brandKit.findMany({ where: { tenantId: a.tenantId, id: { in: [...ids] } } }), ids),
      ),
    ),
    templateById: new DataLoader<string, Template | null>((ids) =>
      run(async (tx, a) =>
        byId(
          await tx.template.findMany({
            where: { id: { in: [...ids] }, OR: [{ tenantId: null }, { tenantId: a.tenantId }] },
          }),
          ids,
        ),
      ),
    ),
    generationRequestById: new DataLoader<string, GenerationRequest | null>((ids) =>
      run(async (tx, a) =>
        byId(await tx.generationRequest.findMany({ where: { tenantId: a.tenantId, id: { in: [...ids] } } }), ids),
      ),
    ),
    aiModelById: new DataLoader<string, AiModel | null>((ids) =>
      run(async (tx, a) =>
        byId(
          await tx.aiModel.findMany({
            where: { id: { in: [...ids] }, OR: [{ tenantId: null }, { tenantId: a.tenantId }] },
          }),
          ids,
        ),
      ),
    ),
    aiModelVersionById: new DataLoader<string, AiModelVersion | null>((ids) =>
      run(async (tx, a) =>
        byId(
          await tx.aiModelVersion.findMany({
            where: { id: { in: [...ids] }, OR: [{ tenantId: null }, { tenantId: a.tenantId }] },
          }),
          ids,
        ),
      ),
    ),
    linksByWorkspaceId: new DataLoader<string, WorkspaceLink[]>((ids) =>
      run(async (tx, a) => {
        const rows = await tx.workspaceLink.findMany({
          where: { tenantId: a.tenantId, workspaceId: { in: [...ids] } },
          orderBy: [{ position: "asc" }, { id: "asc" }],
        });
        return groupBy(rows, ids, (r) => r.workspaceId);
      }),
    ),
    projectPagesByWorkspace: new DataLoader<ProjectPageKey, (Project & KeyedRow)[], string>(
      (keys) =>
        read(async (tx) => {
          const byStatus = new Map<string, ProjectPageKey[]>();
          for (const k of keys) byStatus.set(k.status ?? "", [...(byStatus.get(k.status ?? "") ?? []), k]);
          const pages = new Map<ProjectPageKey, (Project & KeyedRow)[]>();
          for (const [status, group] of byStatus) {
            const statusSql = status ? `AND "status" = $4::"creative"."ProjectStatus"` : "";
            const params = status ? [status] : [];
            const table = { table: `"creative"."projects"`, parentColumn: "workspaceId" };
            const where = `AND "deletedAt" IS NULL ${statusSql}`;
            const result = await createChildPageStore(tx).pages<Project>({ ...table, where, params }, group);
            for (const [i, k] of group.entries()) pages.set(k, result[i]!);
          }
          return keys.map((k) => pages.get(k) ?? []);
        }),
      { cacheKeyFn },
    ),
    assetPagesByProject: new DataLoader<ChildPageKey, AssetWithVersions[], string>(
      (keys) =>
        readMany((tx, a) =>
          createAssetPageStore(tx).pagesWithVersions(
            {
              table: `"creative"."assets"`,
              parentColumn: "projectId",
              where: `AND "deletedAt" IS NULL AND ${assetVisibleSql(a, 4)}`,
              params: [a.actorId],
            },
            keys,
          ),
        ),
      { cacheKeyFn },
    ),
    assetPagesByWorkspace: new DataLoader<ChildPageKey, AssetWithVersions[], string>(
      (keys) =>
        readMany((tx, a) =>
          createAssetPageStore(tx).pagesWithVersions(
            {
              table: `"creative"."assets"`,
              parentColumn: "workspaceId",
              where: `AND "deletedAt" IS NULL AND ${assetVisibleSql(a, 4)}`,
              params: [a.actorId],
            },
            keys,
          ),
        ),
      { cacheKeyFn },
    ),
    versionsByAssetId: new DataLoader<string, AssetVersion[]>((ids) =>
      read(async (tx) => groupBy(await createAssetVersionStore(tx).ofAssets(ids), ids, (r) => r.assetId)),
    ),
    samplesByGenerationRequestId: new DataLoader<string, Asset[]>((ids) =>
      run(async (tx, a) => {
        const rows = await tx.asset.findMany({
          where: { tenantId: a.tenantId, generationRequestId: { in: [...ids] }, isFinal: false, deletedAt: null },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        });
        return groupBy(rows, ids, (r) => r.generationRequestId ?? "");
      }),
    ),
    versionsByModelId: new DataLoader<string, AiModelVersion[]>((ids) =>
      run(async (tx, a) => {
        const rows = await tx.aiModelVersion.findMany({
          where: { modelId: { in: [...ids] }, OR: [{ tenantId: null }, { tenantId: a.tenantId }] },
          orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        });
        return groupBy(rows, ids, (r) => r.modelId);
      }),
    ),
    validationsByVersionId: new DataLoader<string, AiModelValidationResult[]>((ids) =>
      run(async (tx, a) => {
        const rows = await tx.aiModelValidationResult.findMany({
          where: { modelVersionId: { in: [...ids] }, OR: [{ tenantId: null }, { tenantId: a.tenantId }] },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        });
        return groupBy(rows, ids, (r) => r.modelVersionId);
      }),
    ),
    deploymentsByVersionId: new DataLoader<string, AiModelDeployment[]>((ids) =>
      run(async (tx, a) => {
        const rows = await tx.aiModelDeployment.findMany({
          where: { modelVersionId: { in: [...ids] }, OR: [{ tenantId: null }, { tenantId: a.tenantId }] },
          orderBy: [{ createdAt: "desc" }, { id: "desc" }],
        });
        return groupBy(rows, ids, (r) => r.modelVersionId);
      }),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
