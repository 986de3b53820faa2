import { BadUserInputError } from "@atelier/subgraph-kit";

/** The deepest a search reads: 10 pages of 100. */
export const MAX_SEARCH_DEPTH = 1000;

/** An opaque cursor: how many ranked chunks of the same search the client has read. */
export function encodeSearchCursor(offset: number): string {
  return Buffer.from(`search:${offset}`).toString("base64url");
}

export function decodeSearchCursor(cursor: string | null | undefined): number {
  if (!cursor) return 0;
  const match = /^search:(\d{1,7})$/.exec(Buffer.from(cursor, "base64url").toString());
  const offset = match ? Number(match[1]) : Number.NaN;
  if (!Number.isInteger(offset) || offset >= MAX_SEARCH_DEPTH) {
    throw new BadUserInputError(`after must be the cursor of a search result, within its first ${MAX_SEARCH_DEPTH}`);
  }
  return offset;
}
