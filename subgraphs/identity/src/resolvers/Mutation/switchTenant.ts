import { z } from "zod";
import { switchTenant } from "../../domain/switch-tenant";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { id } from "../validation";

const Input = z.object({ tenantId: id });

export const switchTenantResolver: MutationResolvers["switchTenant"] = (_, args, ctx) =>
  switchTenant(ctx.account, Input.parse(args.input));
