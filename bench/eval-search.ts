/**
 * Retrieval evaluation of the knowledge subgraph through its real API (HTTP, signed identities,
 * job queue, parser, chunker, built-in embedder, embedded store).
 *   npm run eval:search                        the team's corpus (bench/data/search)
 *   npm run eval:search -- --collection cisi   a TREC-style test collection found in
 *                                              ../shared/data/<name> (or --data <dir>, EVAL_DATA_DIR)
 * Exits 1 when the quality bar is not met.
 */
import { evaluateCollection } from "./eval/collection-eval";
import { evaluateTeamCorpus } from "./eval/team-corpus-eval";

const flag = (name: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1] : undefined;
};

const collection = flag("collection");
const passed = collection
  ? await evaluateCollection(collection, flag("data"))
  : await evaluateTeamCorpus(process.argv.includes("--verbose"));
process.exitCode = passed ? 0 : 1;
