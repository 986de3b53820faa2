-- Feeds (a workspace's events across its streams) get their own gap-free sequence, assigned
-- when the writing transaction commits: a deferred trigger takes the feed's counter row lock
-- at COMMIT and numbers the transaction's events, so feed order is commit order and a reader
-- that sees position N+1 already sees N. The row id, taken at insert, is not: a transaction that
-- commits after a higher id was delivered used to be skipped for good. The lock is held only
-- while committing, so a slow transaction never blocks the other writers of its feed.
ALTER TABLE "workflows"."stream_events" ADD COLUMN "feed" TEXT, ADD COLUMN "feed_sequence" INTEGER;

CREATE TABLE "workflows"."stream_feeds" (
    "feed" TEXT NOT NULL,
    "last_sequence" INTEGER NOT NULL,

    CONSTRAINT "stream_feeds_pkey" PRIMARY KEY ("feed")
);

-- Existing feed events keep their order (by id) and are numbered 1, 2, 3 ... per feed.
UPDATE "workflows"."stream_events" e
   SET feed = f.feed
  FROM (SELECT id, (SELECT t FROM unnest(topics) t WHERE t LIKE 'workflowRunsUpdated:%' LIMIT 1) AS feed
          FROM "workflows"."stream_events") f
 WHERE f.id = e.id AND f.feed IS NOT NULL;
UPDATE "workflows"."stream_events" e
   SET feed_sequence = n.position
  FROM (SELECT id, row_number() OVER (PARTITION BY feed ORDER BY id) AS position
          FROM "workflows"."stream_events" WHERE feed IS NOT NULL) n
 WHERE n.id = e.id;
INSERT INTO "workflows"."stream_feeds" (feed, last_sequence)
SELECT feed, max(feed_sequence) FROM "workflows"."stream_events" WHERE feed IS NOT NULL GROUP BY feed;

CREATE UNIQUE INDEX "stream_events_feed_feed_sequence_key" ON "workflows"."stream_events"("feed", "feed_sequence");

-- Runs as the table owner: the counter is shared bookkeeping, not tenant data.
CREATE FUNCTION "workflows".assign_feed_sequence() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog AS $$
DECLARE
  next_position INTEGER;
BEGIN
  INSERT INTO "workflows"."stream_feeds" AS f (feed, last_sequence) VALUES (NEW.feed, 1)
  ON CONFLICT (feed) DO UPDATE SET last_sequence = f.last_sequence + 1
  RETURNING f.last_sequence INTO next_position;
  UPDATE "workflows"."stream_events" SET feed_sequence = next_position WHERE id = NEW.id;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER stream_events_feed_sequence
  AFTER INSERT ON "workflows"."stream_events"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW WHEN (NEW.feed IS NOT NULL)
  EXECUTE FUNCTION "workflows".assign_feed_sequence();

REVOKE ALL ON "workflows"."stream_feeds" FROM atelier_app;
