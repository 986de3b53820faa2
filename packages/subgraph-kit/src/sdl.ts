import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

/** A subgraph's SDL: every `.graphql` file of its schema folder, in name order. */
export function readSdl(schemaDir: string): string {
  return readdirSync(schemaDir)
    .filter((file) => file.endsWith(".graphql"))
    .sort()
    .map((file) => readFileSync(path.join(schemaDir, file), "utf8"))
    .join("\n");
}
