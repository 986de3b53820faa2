import type { QueryResolvers } from "../../generated/resolvers-types";

export const workflowsHealthResolver: QueryResolvers["workflowsHealth"] = () => "ok";
