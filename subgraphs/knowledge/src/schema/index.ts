import { readSdl } from "@atelier/subgraph-kit";
import { parse } from "graphql";

/** The subgraph's SDL: every `.graphql` file of this folder, in name order. */
export const loadKnowledgeSdl = (): string => readSdl(import.meta.dirname);

export const knowledgeTypeDefs = parse(loadKnowledgeSdl());
