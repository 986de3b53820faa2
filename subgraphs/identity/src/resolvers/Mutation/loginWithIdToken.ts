import { z } from "zod";
import { loginWithIdToken } from "../../domain/login-with-id-token";
import type { MutationResolvers } from "../../generated/resolvers-types";
import { device, token } from "../validation";

const Input = z.object({ idToken: token, device });

export const loginWithIdTokenResolver: MutationResolvers["loginWithIdToken"] = (_, args, ctx) =>
  loginWithIdToken(ctx.account, Input.parse(args.input));
