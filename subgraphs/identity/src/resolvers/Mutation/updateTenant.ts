import { z } from "zod";
import { updateTenant } from "../../domain/update-tenant";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { email, name, optionalText } from "../validation";

const branch = z.object({
  name,
  address: z.string().max(500),
  contactEmail: email.nullish(),
  contactPhone: z.string().max(50).nullish(),
});
const Input = z.object({
  name: name.nullish(),
  industry: optionalText(200),
  contactEmail: email.nullish(),
  contactPhone: optionalText(50),
  headquartersAddress: optionalText(500),
  branches: z.array(branch).max(200).nullish(),
  crmId: optionalText(200),
  settings: z.record(z.string(), z.json()).nullish(),
});

export const updateTenantResolver: MutationResolvers["updateTenant"] = async (_, args, ctx) => {
  const input = Input.parse(args.input);
  return { tenant: await updateTenant(await ctx.memberScope(), input) };
};
