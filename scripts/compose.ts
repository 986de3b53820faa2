/**
 * Composes schema/subgraphs.json into schema/supergraph.graphql.
 *   npm run compose          write the supergraph
 *   npm run compose:check    exit 1 when the checked-in supergraph is stale
 */
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { composeServices } from "@apollo/composition";
import { parse } from "graphql";

interface SubgraphEntry {
  name: string;
  url: string;
  /** Files or `dir/*.graphql`-style globs, relative to the repository root. */
  sdl: string[];
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const configPath = join(root, "schema/subgraphs.json");
const supergraphPath = join(root, "schema/supergraph.graphql");

/** Node 20 has no fs.globSync: a pattern is a plain path or a directory plus a `*suffix` file name. */
function expandPattern(pattern: string): string[] {
  const name = basename(pattern);
  if (!name.includes("*")) return [join(root, pattern)];
  if (name.indexOf("*") !== name.lastIndexOf("*") || !name.startsWith("*") || dirname(pattern).includes("*")) {
    throw new Error(`unsupported pattern "${pattern}": use dir/*.suffix`);
  }
  const dir = join(root, dirname(pattern));
  const suffix = name.slice(1);
  return readdirSync(dir)
    .filter((file) => file.endsWith(suffix))
    .sort()
    .map((file) => join(dir, file));
}

function readSubgraphSdl(entry: SubgraphEntry): string {
  const files = entry.sdl.flatMap(expandPattern);
  if (files.length === 0) throw new Error(`subgraph ${entry.name}: no SDL files match ${entry.sdl.join(", ")}`);
  return files.map((file) => readFileSync(file, "utf8")).join("\n");
}

function compose(): string {
  const entries = JSON.parse(readFileSync(configPath, "utf8")) as SubgraphEntry[];
  const result = composeServices(
    entries.map((entry) => ({ name: entry.name, url: entry.url, typeDefs: parse(readSubgraphSdl(entry)) })),
  );
  if (result.errors) {
    for (const error of result.errors) {
      console.error(`${error.extensions?.code ?? "COMPOSITION_ERROR"}: ${error.message}`);
    }
    throw new Error(`composition failed with ${result.errors.length} error(s)`);
  }
  for (const hint of result.hints ?? []) console.warn(`hint ${hint.definition.code}: ${hint.message}`);
  return `${result.supergraphSdl.trimEnd()}\n`;
}

function readExisting(): string | null {
  try {
    return readFileSync(supergraphPath, "utf8");
  } catch {
    return null;
  }
}

try {
  const supergraph = compose();
  if (process.argv.includes("--check")) {
    if (readExisting() !== supergraph) {
      console.error("stale supergraph: run npm run compose");
      process.exit(1);
    }
    console.log("supergraph is up to date");
  } else {
    writeFileSync(supergraphPath, supergraph);
    console.log(`wrote ${supergraphPath}`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
}
