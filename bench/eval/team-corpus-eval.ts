import { DOCUMENTS, type EvalQuery, QUERIES } from "../data/search/corpus";
import { MODES, startEvalService } from "./eval-service";
import { mean, ndcgAt, recallAt } from "./metrics";

const K = 10;

/**
 * The team's own corpus (bench/data/search): recall@10 and nDCG@10 per mode and per query
 * style. True when HYBRID beats both other modes. `verbose` prints every query whose labelled
 * document is not ranked first.
 */
export async function evaluateTeamCorpus(verbose: boolean): Promise<boolean> {
  const evalService = await startEvalService();
  try {
    const ids = await evalService.ingest(
      DOCUMENTS.map((doc) => ({ title: doc.title, text: doc.text, metadata: { evalId: doc.id, kind: doc.kind } })),
    );
    const evalIdOf = new Map(ids.map((id, i) => [id, DOCUMENTS[i]!.id]));
    const summary: Record<string, { recall: number; ndcg: number; byStyle: (style: EvalQuery["style"]) => number }> =
      {};
    for (const mode of MODES) {
      const rows: { recall: number; ndcg: number; style: EvalQuery["style"] }[] = [];
      for (const q of QUERIES) {
        const ranked = (await evalService.rankDocuments(q.text, mode, K, K)).map((id) => evalIdOf.get(id)!);
        const relevant = new Set(q.relevant);
        rows.push({ recall: recallAt(K, ranked, relevant), ndcg: ndcgAt(K, ranked, relevant), style: q.style });
        if (verbose && ranked[0] !== q.relevant[0])
          console.log(
            `${mode.padEnd(8)} ${q.id.padEnd(24)} rank ${ranked.indexOf(q.relevant[0]!) + 1 || "-"}  top: ${ranked.slice(0, 3).join(", ")}  (${q.text})`,
          );
      }
      summary[mode] = {
        recall: mean(rows.map((r) => r.recall)),
        ndcg: mean(rows.map((r) => r.ndcg)),
        byStyle: (style) => mean(rows.filter((r) => r.style === style).map((r) => r.ndcg)),
      };
    }
    const { embedder, store } = evalService.service.services;
    console.log(
      `corpus: ${DOCUMENTS.length} documents, ${QUERIES.length} labelled queries (${embedder.model}, ${store.kind} store)`,
    );
    console.log("mode      recall@10  nDCG@10   | nDCG@10 lexical  paraphrase  typo");
    for (const mode of MODES) {
      const s = summary[mode]!;
      const style = (name: EvalQuery["style"], width: number) => s.byStyle(name).toFixed(3).padStart(width);
      console.log(
        `${mode.padEnd(9)} ${s.recall.toFixed(3).padStart(9)}  ${s.ndcg.toFixed(3).padStart(7)}   | ${style("lexical", 15)}  ${style("paraphrase", 10)}  ${style("typo", 4)}`,
      );
    }
    const hybrid = summary.HYBRID!;
    const beats = (other: { recall: number; ndcg: number }) =>
      hybrid.ndcg > other.ndcg && hybrid.recall >= other.recall;
    const verdict = beats(summary.DENSE!) && beats(summary.KEYWORD!);
    console.log(
      verdict
        ? "HYBRID beats DENSE and KEYWORD (nDCG@10 higher, recall@10 not lower)."
        : "HYBRID does NOT beat both other modes.",
    );
    return verdict;
  } finally {
    await evalService.stop();
  }
}
