import { setTimeout as sleep } from "node:timers/promises";
import { z } from "@atelier/config";
import type { StepContext, StepOutcome, StepTypeDefinition } from "../step-type";
import {
  describeSafely,
  gatewayFailure,
  NO_ACTOR,
  NOT_CONFIGURED,
  resolveList,
  resolveText,
  runActor,
} from "./gateway-call";

const config = z.object({
  /** A template string or a mapping giving the text to search for. */
  query: z.unknown().refine((v) => v !== undefined, "query is required"),
  mode: z.enum(["DENSE", "KEYWORD", "HYBRID"]).default("HYBRID"),
  limit: z.number().int().min(1).max(50).default(5),
  /** Only these documents: a list, or a mapping giving one. */
  documentIds: z.unknown().optional(),
  /** Only these MIME types: a list, or a mapping giving one. */
  mimeTypes: z.unknown().optional(),
  /** Retries of an outage (network, 5xx, rate limit); a refusal is not retried. */
  retries: z.number().int().min(0).max(5).default(2),
});
type SearchConfig = z.infer<typeof config>;

const SEARCH = `query WorkflowKnowledgeSearch($input: SemanticSearchInput!) {
  semanticSearch(input: $input) { score chunk { id text index } document { id title mimeType } }
}`;

interface Hit {
  score: number;
  chunk: { id: string; text: string; index: number };
  document: { id: string; title: string; mimeType: string };
}

/** The search, always inside the run's workspace. */
function searchInput(cfg: SearchConfig, context: StepContext) {
  const query = resolveText(cfg.query, context, "query")?.trim();
  if (!query) throw new Error("query mapped to an empty text");
  if (query.length > 2000) throw new Error("query is longer than 2000 characters");
  const documentIds = resolveList(cfg.documentIds, context, "documentIds");
  const mimeTypes = resolveList(cfg.mimeTypes, context, "mimeTypes");
  const filter = {
    workspaceId: context.run.workspaceId,
    ...(documentIds ? { documentIds } : {}),
    ...(mimeTypes ? { mimeTypes } : {}),
  };
  return { query, mode: cfg.mode, limit: cfg.limit, filter };
}

/** Searches the knowledge subgraph through the gateway, as the run's user. */
export const knowledgeSearchStep: StepTypeDefinition<SearchConfig> = {
  type: "KNOWLEDGE_SEARCH",
  needsGateway: true,
  pure: false,
  config,
  describeInput: (cfg, context) => describeSafely(() => searchInput(cfg, context)),
  async execute(execution): Promise<StepOutcome> {
    const { config: cfg, context, env } = execution;
    if (!env.gateway) return { kind: "failed", error: NOT_CONFIGURED };
    const actor = runActor(execution);
    if (!actor) return { kind: "failed", error: NO_ACTOR };
    let input: ReturnType<typeof searchInput>;
    try {
      input = searchInput(cfg, context);
    } catch (error) {
      return { kind: "failed", error: (error as Error).message };
    }
    for (let n = 0; ; n++) {
      try {
        const data = await env.gateway.request<{ semanticSearch: Hit[] }>({
          actor,
          fields: ["Query.semanticSearch"],
          query: SEARCH,
          variables: { input },
          operationName: "WorkflowKnowledgeSearch",
        });
        const results = data.semanticSearch.map((hit) => ({
          documentId: hit.document.id,
          title: hit.document.title,
          mimeType: hit.document.mimeType,
          chunkId: hit.chunk.id,
          text: hit.chunk.text,
          score: hit.score,
        }));
        return { kind: "done", output: { query: input.query, mode: input.mode, results }, attempts: n + 1 };
      } catch (error) {
        const failure = gatewayFailure("knowledge search", error);
        if (!failure.retryable || n >= cfg.retries) return { kind: "failed", error: failure.error, attempts: n + 1 };
        await sleep(Math.min(250 * 2 ** n, 4_000));
      }
    }
  },
};
