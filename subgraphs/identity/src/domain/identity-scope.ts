import { createTenantScope, prismaTransactions, type ScopeActor, type TenantScope } from "@atelier/db";
import type { Role } from "@atelier/internal-auth";
import type { Actor } from "@atelier/subgraph-kit";
import type { Db } from "../data/db";
import type { IdentityServices } from "../services";

/** A tenant member whose role was read from the stored membership just now, not from the token. */
export type MemberActor = Actor & { kind: "user"; userId: string; role: Role };

/** Identity's tenant scope: every tenant row is read or written through one. */
export type IdentityScope<A extends ScopeActor = MemberActor> = TenantScope<Db, never, A>;

/** A scope over identity's Prisma client; audit rows commit with the change. */
export function identityScope<A extends ScopeActor>(
  services: Pick<IdentityServices, "db" | "log">,
  actor: A,
): IdentityScope<A> {
  return createTenantScope<Db, never, A>({
    transactions: prismaTransactions<Db>(services.db),
    actor,
    onEffectError: (error) => services.log.warn({ err: error }, "after-commit effect failed"),
  });
}
