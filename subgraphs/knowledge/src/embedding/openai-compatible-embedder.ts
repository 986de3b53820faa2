import { type Embedder, normalize } from "./embedder";

export interface OpenAICompatibleOptions {
  /** e.g. https://api.openai.com/v1, http://localhost:11434/v1 (Ollama), a vLLM or TEI endpoint. */
  baseUrl: string;
  model: string;
  dimensions: number;
  apiKey?: string | null;
  batchSize?: number;
  maxRetries?: number;
  timeoutMs?: number;
  /** First backoff delay; doubles each retry (with jitter) unless the server sends Retry-After. */
  initialBackoffMs?: number;
  /** Send `dimensions` in the request (OpenAI text-embedding-3 models accept it; others may not). */
  sendDimensions?: boolean;
}

export class EmbeddingProviderError extends Error {
  constructor(
    message: string,
    readonly status: number | null,
    /** An outage (network, 429, 5xx) may pass, so the ingestion job is retried; a refused request will not. */
    readonly retryable = status === null || status === 429 || status >= 500,
  ) {
    super(message);
    this.name = "EmbeddingProviderError";
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function retryAfterMs(header: string | null): number | null {
  if (!header) return null;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? null : Math.max(0, date - Date.now());
}

/** An embedding provider speaking the OpenAI `/embeddings` API (OpenAI, Ollama, vLLM, TEI). */
export class OpenAICompatibleEmbedder implements Embedder {
  readonly model: string;
  readonly dimensions: number;
  private readonly url: string;

  constructor(private readonly opts: OpenAICompatibleOptions) {
    this.model = opts.model;
    this.dimensions = opts.dimensions;
    this.url = `${opts.baseUrl.replace(/\/$/, "")}/embeddings`;
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    const batchSize = this.opts.batchSize ?? 64;
    const vectors: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += batchSize)
      vectors.push(...(await this.embedBatch(texts.slice(i, i + batchSize))));
    return vectors;
  }

  private async embedBatch(input: string[]): Promise<Float32Array[]> {
    const maxRetries = this.opts.maxRetries ?? 4;
    for (let attempt = 0; ; attempt++) {
      const outcome = await this.request(input);
      if ("vectors" in outcome) return outcome.vectors;
      if (!outcome.retryable || attempt >= maxRetries) throw outcome.error;
      const backoff = (this.opts.initialBackoffMs ?? 500) * 2 ** attempt * (0.8 + Math.random() * 0.4);
      await sleep(Math.min(outcome.retryAfterMs ?? backoff, 60_000));
    }
  }

  private async request(
    input: string[],
  ): Promise<{ vectors: Float32Array[] } | { error: Error; retryable: boolean; retryAfterMs: number | null }> {
    let response: Response;
    try {
      response = await fetch(this.url, {
        method: "POST",
        headers: {
          "content-type": "application/json",
          ...(this.opts.apiKey ? { authorization: `Bearer ${this.opts.apiKey}` } : {}),
        },
        body: JSON.stringify({
          model: this.model,
          input,
          ...(this.opts.sendDimensions ? { dimensions: this.dimensions } : {}),
        }),
        signal: AbortSignal.timeout(this.opts.timeoutMs ?? 30_000),
      });
    } catch (error) {
      const message = `embedding request failed: ${(error as Error).message}`;
      return { error: new EmbeddingProviderError(message, null), retryable: true, retryAfterMs: null };
    }
    if (response.status === 429 || response.status >= 500) {
      await response.body?.cancel();
      return {
        error: new EmbeddingProviderError(`embedding provider answered ${response.status}`, response.status),
        retryable: true,
        retryAfterMs: retryAfterMs(response.headers.get("retry-after")),
      };
    }
    if (!response.ok) {
      const detail = (await response.text()).slice(0, 300);
      const error = new EmbeddingProviderError(
        `embedding provider answered ${response.status}: ${detail}`,
        response.status,
      );
      return { error, retryable: false, retryAfterMs: null };
    }
    return { vectors: this.vectorsFrom(await response.json(), input.length) };
  }

  private vectorsFrom(body: unknown, expected: number): Float32Array[] {
    const data = (body as { data?: { index: number; embedding: number[] }[] }).data;
    if (!Array.isArray(data) || data.length !== expected) {
      throw new EmbeddingProviderError(`expected ${expected} embeddings, got ${data?.length ?? "none"}`, null, false);
    }
    return [...data]
      .sort((a, b) => a.index - b.index)
      .map(({ embedding }) => {
        if (embedding.length !== this.dimensions) {
          throw new EmbeddingProviderError(
            `expected ${this.dimensions} dimensions, got ${embedding.length}`,
            null,
            false,
          );
        }
        return normalize(Float32Array.from(embedding));
      });
  }
}
