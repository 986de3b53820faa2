import { z } from "zod";
import { login } from "../../domain/login";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { device, email } from "../validation";

const Input = z.object({ email, password: z.string().min(1).max(200, "at most 200 characters"), device });

export const loginResolver: MutationResolvers["login"] = (_, args, ctx) => login(ctx.account, Input.parse(args.input));
