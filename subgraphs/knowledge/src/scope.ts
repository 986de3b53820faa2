import { createTenantScope, prismaTransactions, type TenantScope } from "@atelier/db";
import { publishStreamEvents, type StreamEventNotice } from "@atelier/live-events";
import type { Logger } from "@atelier/logging";
import type { Actor } from "@atelier/subgraph-kit";
import type { Db } from "./data/db";
import type { KnowledgeServices } from "./services";

/**
 * Every tenant-scoped read and write of knowledge: Prisma transactions by default; the hot paths
 * (creation, ingestion, search hits) swap in `sqlTransactions(services.sql)` and the loaders
 * `oneRoundTripReads(services.sql)` with `scope.using(…)`. Status notices are published after commit.
 */
export type KnowledgeScope = TenantScope<Db, StreamEventNotice, Actor>;

export function knowledgeScope(services: Pick<KnowledgeServices, "db" | "bus" | "log">, actor: Actor): KnowledgeScope {
  return createTenantScope<Db, StreamEventNotice, Actor>({
    transactions: prismaTransactions<Db>(services.db),
    actor,
    publish: (notices) => publishStreamEvents(services.bus, notices),
    onEffectError: (error) => services.log.warn({ err: error }, "status publish failed"),
  });
}

/** What a domain entry point is given: the caller's scope, with the process's services and the request's logger. */
export interface RequestScope extends KnowledgeScope {
  readonly services: KnowledgeServices;
  readonly log: Logger;
}

export function requestScope(services: KnowledgeServices, actor: Actor, log: Logger): RequestScope {
  return { ...knowledgeScope(services, actor), services, log };
}
