-- Keep each chunk's full-text vector inside its row. With the default (EXTENDED) storage,
-- Postgres moved it out of line (TOAST) as the row's largest column it could not compress, so
-- every keyword match (`@@`) and every rank read it back through the TOAST index and several
-- pages, about 3 µs a chunk, most of a keyword search's time. MAIN moves the other columns
-- (the embedding bytes first) out of line before it. Rows written earlier keep their layout
-- until rewritten (re-indexing their document, or VACUUM FULL).
ALTER TABLE "knowledge"."SemanticChunk" ALTER COLUMN "tsv" SET STORAGE MAIN;
