import type { QueryResolvers } from "../../generated/resolvers-types";

export const healthResolver: QueryResolvers["health"] = () => "ok";
