import { readSdl } from "@atelier/subgraph-kit";
import { parse } from "graphql";

/** The subgraph's SDL: every `.graphql` file of this folder, in name order. */
export const loadWorkflowsSdl = (): string => readSdl(import.meta.dirname);

export const workflowsTypeDefs = parse(loadWorkflowsSdl());
