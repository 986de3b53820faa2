import { z } from "zod";
import { createTemplateStore } from "../../data/template-store";
import type { QueryResolvers } from "../../generated/resolvers-types";
import { PageArgs, readerScope } from "../shared";

const TemplateArgs = PageArgs.extend({
  category: z.string().trim().max(50).nullish(),
  tags: z.array(z.string().trim().max(40)).max(20).nullish(),
  search: z.string().trim().max(150).nullish(),
});

export const templatesResolver: QueryResolvers["templates"] = (_, args, ctx) => {
  const scope = readerScope(ctx);
  const parsed = TemplateArgs.parse(args);
  return scope.read((tx) => createTemplateStore(tx).list(parsed));
};
