-- Keyword search ranks by BM25 in the vector store's own lexical index (in process, or Qdrant's
-- sparse vectors), with one analyzer for indexing, querying and highlighting. The generated
-- tsvector and its GIN index were most of Postgres' work per chunk written, and nothing reads them.
DROP INDEX IF EXISTS "knowledge"."SemanticChunk_tsv_idx";
ALTER TABLE "knowledge"."SemanticChunk" DROP COLUMN IF EXISTS "tsv";
