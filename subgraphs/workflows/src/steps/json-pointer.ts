/** Reads `pointer` (RFC 6901, e.g. "/input/items/0/name") from `doc`; undefined when absent. */
export function readPointer(doc: unknown, pointer: string): unknown {
  if (pointer === "") return doc;
  if (!pointer.startsWith("/")) return undefined;
  let current: unknown = doc;
  for (const raw of pointer.slice(1).split("/")) {
    const token = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    if (current === null || typeof current !== "object") return undefined;
    if (!Object.hasOwn(current, token)) return undefined;
    current = (current as Record<string, unknown>)[token];
  }
  return current;
}

/** Reads a dotted path ("input.items.0.name") from `doc`. */
export function readPath(doc: unknown, path: string): unknown {
  if (path === "") return doc;
  return readPointer(
    doc,
    `/${path
      .split(".")
      .map((p) => p.replace(/~/g, "~0").replace(/\//g, "~1"))
      .join("/")}`,
  );
}
