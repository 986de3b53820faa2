import { execSync } from "node:child_process";
import { MODES, startEvalService } from "./eval-service";
import { mean, ndcgAt, recallAt } from "./metrics";
import { ReferenceBm25 } from "./reference-bm25";
import { loadTestCollection, locateCollection } from "./trec-collection";

/**
 * Scores a TREC-style test collection: every document (title + text) ingested through the
 * service's API, every judged query searched in each mode, nDCG@10 and recall@100 printed
 * beside a reference BM25 computed in the same run on the same text. True when HYBRID is at
 * least the reference and the best mode, and KEYWORD within 0.01 of the reference.
 */
export async function evaluateCollection(name: string, dataDir?: string): Promise<boolean> {
  const collection = loadTestCollection(name, locateCollection(name, dataDir));
  const judged = collection.queries.filter((q) => collection.qrels.has(q.id));
  const reference = new ReferenceBm25(
    collection.documents.map((d) => d.id),
    collection.documents.map((d) => `${d.title} ${d.text}`),
  );
  const rows: Record<string, { ndcg: number; recall: number }> = {};
  const score = (ranked: (q: { id: string; text: string }) => string[]) => {
    const runs = judged.map((q) => ({ q, ranked: ranked(q) }));
    return {
      ndcg: mean(runs.map(({ q, ranked }) => ndcgAt(10, ranked, collection.qrels.get(q.id)!))),
      recall: mean(runs.map(({ q, ranked }) => recallAt(100, ranked, collection.qrels.get(q.id)!))),
    };
  };
  rows["reference BM25"] = score((q) => reference.rank(q.text, 100));

  const evalService = await startEvalService({ WORKER_CONCURRENCY: process.env.WORKER_CONCURRENCY ?? "4" });
  try {
    const started = performance.now();
    // A document without text (a title alone) is ingested as its title.
    const ids = await evalService.ingest(
      collection.documents.map((d) => ({ title: d.title || d.id, text: d.text || d.title || d.id })),
    );
    const seconds = (performance.now() - started) / 1000;
    // Identical texts are one document in the service: it stands for every collection id it holds.
    const collectionIds = new Map<string, string[]>();
    for (const [i, id] of ids.entries()) {
      collectionIds.set(id, [...(collectionIds.get(id) ?? []), collection.documents[i]!.id]);
    }
    for (const mode of MODES) {
      const ranked = new Map<string, string[]>();
      for (const q of judged) {
        const docs = await evalService.rankDocuments(q.text, mode, 100);
        ranked.set(
          q.id,
          docs.flatMap((id) => collectionIds.get(id) ?? []),
        );
      }
      rows[mode] = score((q) => ranked.get(q.id)!);
    }
    const { embedder, store } = evalService.service.services;
    console.log(
      `${name}: ${collection.documents.length} documents ingested through the API in ${seconds.toFixed(1)} s, ${judged.length} judged queries (${embedder.model}, ${embedder.dimensions} dims, ${store.kind} store; load ${execSync("uptime").toString().trim().split("load average: ")[1]})`,
    );
  } finally {
    await evalService.stop();
  }
  console.log("ranking           nDCG@10  recall@100");
  for (const [label, r] of Object.entries(rows)) {
    console.log(`${label.padEnd(16)}  ${r.ndcg.toFixed(3).padStart(7)}  ${r.recall.toFixed(3).padStart(10)}`);
  }
  const ref = rows["reference BM25"]!;
  const hybrid = rows.HYBRID!;
  const best = hybrid.ndcg >= ref.ndcg && hybrid.ndcg >= rows.DENSE!.ndcg && hybrid.ndcg >= rows.KEYWORD!.ndcg;
  const keywordClose = Math.abs(rows.KEYWORD!.ndcg - ref.ndcg) <= 0.01;
  console.log(
    `HYBRID ${best ? "is" : "is NOT"} at least the reference BM25 and the best mode; KEYWORD ${keywordClose ? "is" : "is NOT"} within 0.01 of the reference.`,
  );
  return best && keywordClose;
}
