-- Every version of every STIX object, keyed by (id, version); `latest` marks the newest.
CREATE TABLE objects (
    seq            BIGINT PRIMARY KEY,       -- insertion order: keyset cursors, date_added order
    id             TEXT NOT NULL,
    version        TEXT NOT NULL,            -- modified, else created, else '' (fixed-width key)
    type           TEXT NOT NULL,
    created        TEXT,
    spec_version   TEXT,
    created_by_ref TEXT,
    revoked        BOOLEAN NOT NULL DEFAULT FALSE,
    name           TEXT,
    source_ref     TEXT,
    target_ref     TEXT,
    date_added     TEXT NOT NULL,
    latest         BOOLEAN NOT NULL,
    json           TEXT NOT NULL,
    UNIQUE (id, version)
);
CREATE INDEX objects_type ON objects (type, latest);
CREATE INDEX objects_created ON objects (created);
CREATE INDEX objects_version ON objects (version);  -- modified, for modified_after
-- Nearly everything is 2.1: index the exceptions, a scan serves '2.1' as well as any index.
CREATE INDEX objects_spec_version ON objects (spec_version) WHERE spec_version <> '2.1';
CREATE INDEX objects_created_by ON objects (created_by_ref) WHERE created_by_ref IS NOT NULL;
CREATE INDEX objects_revoked ON objects (revoked) WHERE revoked;
CREATE INDEX objects_name ON objects (lower(name)) WHERE name IS NOT NULL;
CREATE INDEX objects_source ON objects (source_ref) WHERE source_ref IS NOT NULL;
CREATE INDEX objects_target ON objects (target_ref) WHERE target_ref IS NOT NULL;

-- One row per write: date_added grows with seq, so added_after becomes a seq bound here
-- instead of an index over every object.
CREATE TABLE batches (
    id         BIGSERIAL PRIMARY KEY,
    first_seq  BIGINT NOT NULL,
    last_seq   BIGINT NOT NULL,
    date_added TEXT NOT NULL
);
CREATE INDEX batches_date_added ON batches (date_added);

CREATE TABLE object_markings (
    seq         BIGINT NOT NULL REFERENCES objects (seq),
    marking_ref TEXT NOT NULL,
    PRIMARY KEY (marking_ref, seq)
);

-- Full text over name (weight A), aliases (B) and description (C), one row per searchable
-- version; a table of its own so that objects load by COPY alone.
CREATE TABLE object_search (
    seq    BIGINT PRIMARY KEY REFERENCES objects (seq),
    search TSVECTOR NOT NULL
);
CREATE INDEX object_search_gin ON object_search USING GIN (search);

CREATE TABLE documents (
    seq        BIGSERIAL PRIMARY KEY,
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
