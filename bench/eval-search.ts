/**
 * Retrieval evaluation of the knowledge subgraph: ingests bench/data/search's corpus through
 * the real service (HTTP, job queue, parser, chunker, built-in embedder, embedded store,
 * Postgres full-text), runs every labelled query in DENSE, KEYWORD and HYBRID mode and prints
 * recall@10 and nDCG@10 per mode and per query style. Run: npm run eval:search
 */
import { randomUUID } from "node:crypto";
import { createTestDatabase, signIdentity, testKeys } from "@atelier/testing";
import { loadKnowledgeConfig } from "../subgraphs/knowledge/src/config";
import { createKnowledgeService } from "../subgraphs/knowledge/src/server";
import { DOCUMENTS, type EvalQuery, QUERIES } from "./data/search/corpus";

const K = 10;
const MODES = ["DENSE", "KEYWORD", "HYBRID"] as const;
/** `--verbose`: print every query whose labelled document is not ranked first. */
const VERBOSE = process.argv.includes("--verbose");

const db = await createTestDatabase("knowledge");
const service = await createKnowledgeService(
  loadKnowledgeConfig({
    DATABASE_URL: db.url,
    INTERNAL_JWT_PUBLIC_KEY: testKeys().publicKey,
    PORT: "0",
    HOST: "127.0.0.1",
    LOG_LEVEL: "warn",
  }),
);
const tenantId = randomUUID();
const header = await signIdentity({
  kind: "user",
  userId: randomUUID(),
  tenantId,
  role: "EDITOR",
  sessionId: null,
  scopes: [],
});

async function gql(query: string, variables: Record<string, unknown>) {
  const response = await fetch(service.url, {
    method: "POST",
    headers: { "content-type": "application/json", "x-atelier-identity": header },
    body: JSON.stringify({ query, variables }),
  });
  // biome-ignore lint/suspicious/noExplicitAny: the evaluation reads two known response shapes
  const body = (await response.json()) as { data?: any; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

function ndcg(ranked: string[], relevant: Set<string>): number {
  const dcg = ranked.slice(0, K).reduce((sum, id, i) => sum + (relevant.has(id) ? 1 / Math.log2(i + 2) : 0), 0);
  const ideal = [...Array(Math.min(relevant.size, K)).keys()].reduce((sum, i) => sum + 1 / Math.log2(i + 2), 0);
  return dcg / ideal;
}

try {
  const workspaceId = randomUUID();
  const ids: string[] = [];
  for (const doc of DOCUMENTS) {
    const data = await gql(
      `mutation($input: CreateDocumentInput!) { createDocument(input: $input) { document { id } } }`,
      {
        input: {
          workspaceId,
          title: doc.title,
          mimeType: "text/plain",
          text: doc.text,
          metadata: { evalId: doc.id, kind: doc.kind },
        },
      },
    );
    ids.push(data.createDocument.document.id);
  }
  for (;;) {
    const rows = await service.services.db.document.groupBy({ by: ["status"], _count: true, where: { tenantId } });
    const ready = rows.find((r) => r.status === "READY")?._count ?? 0;
    if (rows.some((r) => r.status === "FAILED")) throw new Error("a corpus document failed to ingest");
    if (ready === DOCUMENTS.length) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const evalIdOf = new Map(ids.map((id, i) => [id, DOCUMENTS[i]!.id]));

  const scores: Record<string, { recall: number[]; ndcg: number[]; style: EvalQuery["style"] }[]> = {};
  for (const mode of MODES) {
    scores[mode] = [];
    for (const q of QUERIES) {
      const data = await gql(
        `query($input: SemanticSearchInput!) { semanticSearch(input: $input) { document { id } } }`,
        { input: { query: q.text, mode, limit: K } },
      );
      const ranked = [
        ...new Set((data.semanticSearch as { document: { id: string } }[]).map((r) => evalIdOf.get(r.document.id)!)),
      ];
      const relevant = new Set(q.relevant);
      const recall = ranked.slice(0, K).filter((id) => relevant.has(id)).length / relevant.size;
      scores[mode]!.push({ recall: [recall], ndcg: [ndcg(ranked, relevant)], style: q.style });
      if (VERBOSE && ranked[0] !== q.relevant[0])
        console.log(
          `${mode.padEnd(8)} ${q.id.padEnd(24)} rank ${ranked.indexOf(q.relevant[0]!) + 1 || "-"}  top: ${ranked.slice(0, 3).join(", ")}  (${q.text})`,
        );
    }
  }
  const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
  console.log(
    `corpus: ${DOCUMENTS.length} documents, ${QUERIES.length} labelled queries (${service.services.embedder.model}, ${service.services.store.kind} store)`,
  );
  console.log("mode      recall@10  nDCG@10   | nDCG@10 lexical  paraphrase  typo");
  const summary: Record<string, { recall: number; ndcg: number }> = {};
  for (const mode of MODES) {
    const rows = scores[mode]!;
    const byStyle = (style: string) => mean(rows.filter((r) => r.style === style).flatMap((r) => r.ndcg)).toFixed(3);
    summary[mode] = { recall: mean(rows.flatMap((r) => r.recall)), ndcg: mean(rows.flatMap((r) => r.ndcg)) };
    console.log(
      `${mode.padEnd(9)} ${summary[mode]!.recall.toFixed(3).padStart(9)}  ${summary[mode]!.ndcg.toFixed(3).padStart(7)}   | ${byStyle("lexical").padStart(15)}  ${byStyle("paraphrase").padStart(10)}  ${byStyle("typo").padStart(4)}`,
    );
  }
  const hybrid = summary.HYBRID!;
  const beats = (other: { recall: number; ndcg: number }) => hybrid.ndcg > other.ndcg && hybrid.recall >= other.recall;
  const verdict = beats(summary.DENSE!) && beats(summary.KEYWORD!);
  console.log(
    verdict
      ? "HYBRID beats DENSE and KEYWORD (nDCG@10 higher, recall@10 not lower)."
      : "HYBRID does NOT beat both other modes.",
  );
  process.exitCode = verdict ? 0 : 1;
} finally {
  await service.stop();
  await db.drop();
}
