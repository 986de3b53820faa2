/** Turns passages into vectors; every vector of one embedder has `dimensions` entries. */
export interface Embedder {
  /** Identifies the model: documents record it, and the vector collection is named from it. */
  readonly model: string;
  readonly dimensions: number;
  embed(texts: string[]): Promise<Float32Array[]>;
}

/** One vector collection per embedding model, so a search never compares vectors of two models. */
export function collectionNameFor(embedder: Pick<Embedder, "model" | "dimensions">): string {
  const slug = embedder.model
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "_")
    .replace(/^_|_$/g, "");
  return `chunks_${slug}_${embedder.dimensions}`;
}

/** Scales a vector to unit length in place (cosine similarity becomes a dot product). */
export function normalize(vector: Float32Array): Float32Array {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += vector[i]! * vector[i]!;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < vector.length; i++) vector[i]! /= norm;
  return vector;
}
