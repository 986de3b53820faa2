import type { QueryResolvers } from "../../generated/resolvers-types";
import { semanticSearch as search } from "../../search/semantic-search";

export const semanticSearchResolver: QueryResolvers["semanticSearch"] = (_parent, args, ctx) => search(ctx, args.input);
