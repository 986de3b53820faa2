/**
 * The V8 heap settings the gateway's process runs with: the image's CMD and docker-compose spell
 * them out (a test keeps them equal to this list), and bench:gateway starts ours with them.
 *
 * Why: under load each in-flight request's subgraph answers outlive a young-generation collection
 * or two and are promoted, so the old generation fills with short-lived data. With a heap limit of
 * several GiB (V8's default on a large machine) V8 lets the old generation grow to ~4× its live size
 * before a full collection: peak RSS under bench:gateway's load was ~320 MiB for ~50 MiB live. A
 * 1 GiB cap makes V8 grow it by at most ~1.6× (its heap controller scales the factor with the cap),
 * and 8 MiB semi-spaces (16 MiB young generation instead of 32) hold less garbage resident.
 */
export const GATEWAY_NODE_FLAGS: readonly string[] = ["--max-old-space-size=1024", "--max-semi-space-size=8"];
