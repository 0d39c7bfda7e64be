-- objects.created: an index that cost every write and served no read (no query filters or
-- orders on it). objects.version stays on PostgreSQL, whose planner may take it for a selective
-- modified_after; SQLite's never does (its migration 0005 drops it).
DROP INDEX IF EXISTS objects_created;
