import { type PageArgs, prismaKeysetPage } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import type { MembershipRole, MembershipStatus } from "../generated/prisma/client";
import { authorize } from "./authorize";

export interface MembershipListInput extends PageArgs {
  filter?: { status?: MembershipStatus | null; role?: MembershipRole | null } | null;
}

/** Members see who is in; only admins see pending, rejected and revoked memberships. */
export async function listMemberships(ctx: IdentityContext, input: MembershipListInput) {
  const status = input.filter?.status ?? "APPROVED";
  const scope = await authorize(ctx, status === "APPROVED" ? "VIEWER" : "ADMIN");
  const { actor } = scope;
  return scope.read(({ db: tx }) =>
    prismaKeysetPage(
      tx,
      { table: `identity."memberships"`, direction: "asc", scope: { tenantId: actor.tenantId } },
      input,
      (page) =>
        tx.membership.findMany({
          where: { tenantId: actor.tenantId, status, ...(input.filter?.role ? { role: input.filter.role } : {}) },
          ...page,
        }),
    ),
  );
}
