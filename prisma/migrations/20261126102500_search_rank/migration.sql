-- The search's relevance as FTS5's own rank: bm25 with an idea's title weighing ten times its
-- body (as the query used to compute it). With ORDER BY rank, FTS5 sorts the matches itself and a
-- page stops after its rows (docs/decisions/0010-speed-benchmark.md).
INSERT INTO "idea_fts"("idea_fts", "rank") VALUES ('rank', 'bm25(10.0, 1.0)');
