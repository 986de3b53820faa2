import type { PageArgs } from "@atelier/subgraph-kit";
import { requireRole } from "@atelier/subgraph-kit";
import { createMembershipStore } from "../data/membership-store";
import type { MembershipRole, MembershipStatus } from "../generated/prisma/client";
import type { MemberScope } from "../scope";

export interface MembershipListInput extends PageArgs {
  filter?: { status?: MembershipStatus | null; role?: MembershipRole | null } | null;
}

/** Members see who is in; only admins see pending, rejected and revoked memberships. */
export async function listMemberships(scope: MemberScope, input: MembershipListInput) {
  requireRole(scope.actor, (input.filter?.status ?? "APPROVED") === "APPROVED" ? "VIEWER" : "ADMIN");
  const status = input.filter?.status ?? "APPROVED";
  return scope.read((tx) => createMembershipStore(tx).page(input, { status, role: input.filter?.role }));
}
