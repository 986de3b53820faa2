/** Each process of the production image: `node dist/<name>/index.mjs` runs the entry. */
export const ENTRIES: Record<string, string> = {
  gateway: "gateway/src/index.ts",
  identity: "subgraphs/identity/src/index.ts",
  knowledge: "subgraphs/knowledge/src/index.ts",
  "knowledge-worker": "subgraphs/knowledge/src/worker.ts",
  workflows: "subgraphs/workflows/src/index.ts",
  "workflows-worker": "subgraphs/workflows/src/worker.ts",
  creative: "subgraphs/creative/src/index.ts",
  "creative-worker": "subgraphs/creative/src/worker.ts",
};
