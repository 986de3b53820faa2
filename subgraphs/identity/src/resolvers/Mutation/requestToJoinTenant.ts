import { z } from "zod";
import { requestToJoinTenant } from "../../domain/request-to-join-tenant";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { slug } from "../validation";

const Input = z.object({ tenantSlug: slug });

export const requestToJoinTenantResolver: MutationResolvers["requestToJoinTenant"] = async (_, args, ctx) => ({
  membership: await requestToJoinTenant(ctx.account, Input.parse(args.input)),
});
