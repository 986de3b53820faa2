import type { PageArgs } from "@atelier/subgraph-kit";
import type { IdentityContext } from "../context";
import { createMembershipStore } from "../data/membership-store";
import type { MembershipRole, MembershipStatus } from "../generated/prisma/client";
import { authorize } from "./authorize";

export interface MembershipListInput extends PageArgs {
  filter?: { status?: MembershipStatus | null; role?: MembershipRole | null } | null;
}

/** Members see who is in; only admins see pending, rejected and revoked memberships. */
export async function listMemberships(ctx: IdentityContext, input: MembershipListInput) {
  const status = input.filter?.status ?? "APPROVED";
  const scope = await authorize(ctx, status === "APPROVED" ? "VIEWER" : "ADMIN");
  return scope.read((tx) => createMembershipStore(tx).page(input, { status, role: input.filter?.role }));
}
