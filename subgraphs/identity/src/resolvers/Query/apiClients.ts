import { z } from "zod";
import { listApiClients } from "../../domain/list-api-clients";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { page } from "../validation";

const Args = z.object(page);

export const apiClientsResolver: QueryResolvers["apiClients"] = async (_, args, ctx) => {
  const input = Args.parse(args);
  return listApiClients(await ctx.memberScope(), input);
};
