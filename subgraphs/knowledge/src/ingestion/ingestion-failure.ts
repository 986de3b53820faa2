import { EmbeddingProviderError } from "../embedding/openai-compatible-embedder";
import { ParseError } from "../parsing/parse-error";

/** An expected ingestion failure whose message a person can act on (e.g. an unreadable source). */
export class IngestionError extends Error {
  constructor(
    message: string,
    /** True when trying again later may succeed (an outage); false ends the ingestion at once. */
    readonly retryable: boolean,
  ) {
    super(message);
    this.name = "IngestionError";
  }
}

export interface FailureVerdict {
  /** Shown on the document as `error`. */
  reason: string;
  retryable: boolean;
  /** False for bugs and infrastructure errors: logged in full, shown only generically. */
  expected: boolean;
}

/** Decides whether a failed ingestion attempt is worth retrying and what to tell the user. */
export function judgeFailure(error: unknown): FailureVerdict {
  if (error instanceof ParseError) return { reason: error.message, retryable: false, expected: true };
  if (error instanceof IngestionError) return { reason: error.message, retryable: error.retryable, expected: true };
  if (error instanceof EmbeddingProviderError) {
    return { reason: `embedding failed: ${error.message}`, retryable: error.retryable, expected: true };
  }
  return { reason: "ingestion failed unexpectedly (the service logged why)", retryable: true, expected: false };
}
