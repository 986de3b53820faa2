import { type SqlTx, sqlTransactions, type TenantScope } from "@atelier/db";
import type { StreamEventNotice } from "@atelier/live-events";
import { type Actor, systemActor } from "@atelier/subgraph-kit";
import { knowledgeScope } from "../scope";
import type { KnowledgeServices } from "../services";

/**
 * The scope an ingestion job (or a store sync) acts in: the job's tenant, as the knowledge
 * service itself, over plain SQL (megabytes of content and chunk vectors skip Prisma).
 */
export function jobScope(
  s: Pick<KnowledgeServices, "db" | "sql" | "bus" | "log">,
  tenantId: string,
): TenantScope<SqlTx, StreamEventNotice, Actor> {
  return knowledgeScope(s, systemActor(tenantId, "knowledge")).using(sqlTransactions(s.sql));
}
