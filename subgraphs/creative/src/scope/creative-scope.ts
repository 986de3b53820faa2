import { createTenantScope, type TenantScope } from "@atelier/db";
import { publishStreamEvents, type StreamEventNotice } from "@atelier/live-events";
import type { Actor } from "@atelier/subgraph-kit";
import type { Db } from "../data/db";
import type { CreativeServices } from "../services";
import { creativePrismaTransactions } from "./tenant-transactions";

/** A tenant scope of creative: Prisma transactions, stream-event notices, and the services its work needs. */
export interface CreativeScope extends TenantScope<Db, StreamEventNotice, Actor> {
  readonly services: CreativeServices;
}

/**
 * The scope of one actor. `actorOf` runs on first use of the actor (a read, a write, a guard),
 * so a request builds it lazily and an anonymous caller gets UNAUTHENTICATED/FORBIDDEN there.
 */
export function createCreativeScope(services: CreativeServices, actorOf: () => Actor): CreativeScope {
  let scope: TenantScope<Db, StreamEventNotice, Actor> | undefined;
  const built = () => {
    scope ??= createTenantScope({
      transactions: creativePrismaTransactions(services.db),
      actor: actorOf(),
      publish: (notices) => publishStreamEvents(services.bus, notices),
      onEffectError: (err) => services.log.warn({ err }, "publishing stream events failed; subscribers will catch up"),
    });
    return scope;
  };
  return {
    services,
    get tenantId() {
      return built().tenantId;
    },
    get actor() {
      return built().actor;
    },
    read: (fn) => built().read(fn),
    write: (fn) => built().write(fn),
    using: (transactions) => built().using(transactions),
  };
}
