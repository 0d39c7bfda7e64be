-- Every version of every STIX object, keyed by (id, version); `latest` marks the newest.
CREATE TABLE objects (
    seq            INTEGER PRIMARY KEY,      -- insertion order: keyset cursors, date_added order
    id             TEXT NOT NULL,
    version        TEXT NOT NULL,            -- modified, else created, else '' (fixed-width key)
    type           TEXT NOT NULL,
    created        TEXT,
    spec_version   TEXT,
    created_by_ref TEXT,
    revoked        INTEGER NOT NULL DEFAULT 0,
    name           TEXT,
    source_ref     TEXT,
    target_ref     TEXT,
    date_added     TEXT NOT NULL,
    latest         INTEGER NOT NULL,
    json           BLOB NOT NULL,
    UNIQUE (id, version)
);
CREATE INDEX objects_type ON objects (type, latest);
CREATE INDEX objects_created ON objects (created);
CREATE INDEX objects_version ON objects (version);  -- modified, for modified_after
-- Nearly everything is 2.1: index the exceptions, a scan serves '2.1' as well as any index.
CREATE INDEX objects_spec_version ON objects (spec_version) WHERE spec_version <> '2.1';
CREATE INDEX objects_created_by ON objects (created_by_ref) WHERE created_by_ref IS NOT NULL;
CREATE INDEX objects_revoked ON objects (revoked) WHERE revoked = 1;
CREATE INDEX objects_name ON objects (name COLLATE NOCASE) WHERE name IS NOT NULL;
CREATE INDEX objects_source ON objects (source_ref) WHERE source_ref IS NOT NULL;
CREATE INDEX objects_target ON objects (target_ref) WHERE target_ref IS NOT NULL;

-- One row per write: date_added grows with seq, so added_after becomes a seq bound here
-- instead of an index over every object.
CREATE TABLE batches (
    id         INTEGER PRIMARY KEY,
    first_seq  INTEGER NOT NULL,
    last_seq   INTEGER NOT NULL,
    date_added TEXT NOT NULL
);
CREATE INDEX batches_date_added ON batches (date_added);

-- object_marking_refs, one row per (version, marking).
CREATE TABLE object_markings (
    seq         INTEGER NOT NULL REFERENCES objects (seq),
    marking_ref TEXT NOT NULL,
    PRIMARY KEY (marking_ref, seq)
) WITHOUT ROWID;

-- Full text over name, description and aliases; rowid = objects.seq. Contentless: reads
-- join back to objects, so a row whose object is gone matches nothing.
CREATE VIRTUAL TABLE objects_fts USING fts5 (
    name, description, aliases,
    content = '',
    tokenize = 'porter unicode61 remove_diacritics 2'
);

-- Source documents for extraction.
CREATE TABLE documents (
    seq        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    sha256     TEXT NOT NULL UNIQUE,
    title      TEXT,
    source     TEXT,
    published  TEXT,
    media_type TEXT NOT NULL DEFAULT 'text/plain',
    date_added TEXT NOT NULL,
    text       TEXT NOT NULL
);
CREATE INDEX documents_published ON documents (published);
