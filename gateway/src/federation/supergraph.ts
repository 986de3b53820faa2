import { readFileSync } from "node:fs";
import { subgraphEnvName } from "../config";

export interface SubgraphEndpoint {
  name: string;
  url: string;
}

/** Reads the supergraph SDL; a missing file is a startup error that says how to make it. */
export function readSupergraph(path: string): string {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    throw new Error(`cannot read supergraph at ${path} (run \`npm run compose\` or set SUPERGRAPH_PATH): ${error}`);
  }
}

const JOIN_GRAPH = /@join__graph\(\s*name:\s*"([^"]+)"\s*,\s*url:\s*"([^"]*)"\s*\)/g;

/** The subgraphs named by `@join__graph`, with SUBGRAPH_URL_<NAME> overrides applied. */
export function subgraphEndpoints(supergraphSdl: string, overrides: Record<string, string>): SubgraphEndpoint[] {
  return [...supergraphSdl.matchAll(JOIN_GRAPH)].map(([, name = "", url = ""]) => ({
    name,
    url: overrides[subgraphEnvName(name)] ?? url,
  }));
}
