import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { parse } from "graphql";

const here = path.dirname(fileURLToPath(import.meta.url));

/** The subgraph's SDL, all `.graphql` files of this folder in name order. */
export function loadKnowledgeSdl(): string {
  return readdirSync(here)
    .filter((file) => file.endsWith(".graphql"))
    .sort()
    .map((file) => readFileSync(path.join(here, file), "utf8"))
    .join("\n");
}

export const knowledgeTypeDefs = parse(loadKnowledgeSdl());
