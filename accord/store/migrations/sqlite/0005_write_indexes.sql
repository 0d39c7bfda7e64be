-- Indexes that cost every write and served no read. Each is keyed by a timestamp that STIX
-- producers set per object, so a write of 1,000 objects dirtied pages all over it (a TAXII
-- POST of 1,000 ATT&CK objects spent about a fifth of its time on these two; bench/README.md).
-- objects.created: no query filters or orders on it.
DROP INDEX IF EXISTS objects_created;
-- objects.version: REST modified_after pages in insertion order, which the planner serves from
-- the rowid; only a TAXII match[version] of a timestamp without match[id] would use it, and
-- such a read steps through the collection in TAXII order as match[type] does. Look-ups of one
-- object's versions use the (id, version) key.
DROP INDEX IF EXISTS objects_version;
