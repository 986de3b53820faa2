import { z } from "zod";
import { listMemberships } from "../../domain/list-memberships";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { page } from "../validation";

const Args = z.object({
  ...page,
  filter: z
    .object({
      status: z.enum(["PENDING", "APPROVED", "REJECTED", "REVOKED"]).nullish(),
      role: z.enum(["OWNER", "ADMIN", "EDITOR", "VIEWER"]).nullish(),
    })
    .nullish(),
});

export const membershipsResolver: QueryResolvers["memberships"] = (_, args, ctx) =>
  listMemberships(ctx, Args.parse(args));
