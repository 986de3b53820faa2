import { NotFoundError } from "@atelier/subgraph-kit";

/** Loads a row that must exist (it was read in the same request); a vanished row is NOT_FOUND. */
export async function mustLoad<T>(load: Promise<T | null>, what: string): Promise<T> {
  const row = await load;
  if (!row) throw new NotFoundError(`${what} no longer exists.`);
  return row;
}
