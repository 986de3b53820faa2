/**
 * A number per catch-up query text, so keys built per reader and page are short strings. Never
 * reused: a subscription keeps its query's number for its life, so after the table is cleared a
 * new query gets a new number, not one an older subscription still holds.
 */
export function createQueryIds(maxKept = 10_000) {
  const ids = new Map<string, number>();
  let next = 0;
  return (query: string): number => {
    let id = ids.get(query);
    if (id === undefined) {
      if (ids.size >= maxKept) ids.clear();
      id = next++;
      ids.set(query, id);
    }
    return id;
  };
}
