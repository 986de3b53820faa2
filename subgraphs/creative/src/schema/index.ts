import { readSdl } from "@atelier/subgraph-kit";
import { parse } from "graphql";

/** The subgraph's SDL: every `.graphql` file of this folder, in name order. */
export const loadCreativeSdl = (): string => readSdl(import.meta.dirname);

export const creativeTypeDefs = parse(loadCreativeSdl());
