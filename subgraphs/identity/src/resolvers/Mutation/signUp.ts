import { z } from "zod";
import { signUp } from "../../domain/sign-up";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { device, email, name, password, slug, username } from "../validation";

const Input = z.object({
  email,
  password,
  fullName: name,
  username: username.nullish(),
  tenantName: name,
  tenantSlug: slug.nullish(),
  device,
});

export const signUpResolver: MutationResolvers["signUp"] = (_, args, ctx) =>
  signUp(ctx.account, Input.parse(args.input));
