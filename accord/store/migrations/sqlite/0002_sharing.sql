-- Principals, sources and sharing (docs/sharing.md).

CREATE TABLE organisations (
    id          INTEGER PRIMARY KEY,
    name        TEXT NOT NULL UNIQUE COLLATE NOCASE,
    identity_id TEXT NOT NULL UNIQUE,       -- the STIX identity the organisation writes as
    created     TEXT NOT NULL
);

CREATE TABLE users (
    id            INTEGER PRIMARY KEY,
    username      TEXT NOT NULL UNIQUE COLLATE NOCASE,
    org_id        INTEGER NOT NULL REFERENCES organisations (id),
    role          TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'analyst', 'reader')),
    password_hash TEXT NOT NULL,            -- argon2id, in its PHC string form
    disabled      INTEGER NOT NULL DEFAULT 0,
    created       TEXT NOT NULL
);
CREATE INDEX users_org ON users (org_id);

-- API tokens: only a SHA-256 of the secret is kept (the secret is 256 random bits, shown once).
CREATE TABLE api_tokens (
    id          TEXT PRIMARY KEY,           -- public id: listed, and used to revoke
    user_id     INTEGER NOT NULL REFERENCES users (id),
    secret_hash TEXT NOT NULL UNIQUE,
    created     TEXT NOT NULL,
    expires     TEXT,
    revoked     TEXT,
    last_used   TEXT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE sharing_groups (
    id        INTEGER PRIMARY KEY,
    name      TEXT NOT NULL UNIQUE COLLATE NOCASE,
    owner_org INTEGER NOT NULL REFERENCES organisations (id),
    created   TEXT NOT NULL
);
CREATE TABLE group_members (
    org_id   INTEGER NOT NULL REFERENCES organisations (id),
    group_id INTEGER NOT NULL REFERENCES sharing_groups (id) ON DELETE CASCADE,
    PRIMARY KEY (org_id, group_id)
) WITHOUT ROWID;

-- Where objects come from: a document ingested or a bundle imported, with its owner and the
-- sharing the owner chose. A fact is visible exactly when its source is.
CREATE TABLE sources (
    id           INTEGER PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('document', 'bundle', 'node')),
    ref          TEXT NOT NULL,             -- the document's report id, or the bundle's id
    label        TEXT,                      -- the file it came from, for people
    owner_org    INTEGER REFERENCES organisations (id),  -- NULL: the node's operator
    tlp          TEXT NOT NULL
                 CHECK (tlp IN ('clear', 'green', 'amber', 'amber+strict', 'red')),
    distribution TEXT NOT NULL
                 CHECK (distribution IN ('owner', 'groups', 'community', 'federation')),
    created      TEXT NOT NULL,
    modified     TEXT NOT NULL
);
CREATE INDEX sources_owner ON sources (owner_org);
CREATE INDEX sources_ref ON sources (ref);
CREATE TABLE source_groups (
    source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    group_id  INTEGER NOT NULL REFERENCES sharing_groups (id),
    PRIMARY KEY (group_id, source_id)
) WITHOUT ROWID;

-- The organisations each source is visible to, as the rules of accord.sharing compile them
-- (accord.store.audience keeps it current on every change of a source's sharing, of group
-- membership and of the organisations): reads probe it once per row.
CREATE TABLE source_audience (
    org_id    INTEGER NOT NULL REFERENCES organisations (id),
    source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    PRIMARY KEY (org_id, source_id)
) WITHOUT ROWID;
CREATE INDEX source_audience_source ON source_audience (source_id);

-- What the store held before sharing existed stays the operator's alone.
INSERT INTO sources (id, kind, ref, label, owner_org, tlp, distribution, created, modified)
SELECT 1, 'node', 'before-sharing', 'objects stored before sharing existed', NULL, 'amber',
       'owner', COALESCE(MIN(date_added), '1970-01-01T00:00:00.000000Z'),
       COALESCE(MIN(date_added), '1970-01-01T00:00:00.000000Z')
FROM objects HAVING COUNT(*) > 0;

ALTER TABLE objects ADD COLUMN source_id INTEGER REFERENCES sources (id);
UPDATE objects SET source_id = 1;
CREATE INDEX objects_source_id ON objects (source_id);
-- A document is stored once per organisation that holds it (each its own source and facts).
CREATE TABLE documents_new (
    seq        INTEGER PRIMARY KEY,
    id         TEXT NOT NULL UNIQUE,
    sha256     TEXT NOT NULL,
    title      TEXT,
    source     TEXT,
    published  TEXT,
    media_type TEXT NOT NULL DEFAULT 'text/plain',
    date_added TEXT NOT NULL,
    text       TEXT NOT NULL,
    source_id  INTEGER REFERENCES sources (id),
    owner_org  INTEGER REFERENCES organisations (id)
);
INSERT INTO documents_new
SELECT seq, id, sha256, title, source, published, media_type, date_added, text,
       (SELECT id FROM sources WHERE id = 1), NULL
FROM documents;
DROP TABLE documents;
ALTER TABLE documents_new RENAME TO documents;
CREATE UNIQUE INDEX documents_digest ON documents (sha256, COALESCE(owner_org, 0));
CREATE INDEX documents_published ON documents (published);
CREATE INDEX documents_source ON documents (source_id);

-- Entities (persons, organisations, places, threat actors, and the definitions objects rely
-- on) hold only identifying data and are shared by every source that names them: visible
-- when one of those sources is. `evidence` is that source's provenance of the entity.
CREATE TABLE mentions (
    object_id TEXT NOT NULL,
    source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    evidence  BLOB,
    PRIMARY KEY (object_id, source_id)
) WITHOUT ROWID;
CREATE INDEX mentions_source ON mentions (source_id);
INSERT INTO mentions (object_id, source_id) SELECT DISTINCT id, 1 FROM objects
WHERE type IN ('identity', 'location', 'threat-actor', 'extension-definition',
               'marking-definition');

-- A version written by one source and brought again, identical, by another: held by both.
CREATE TABLE object_holders (
    seq       INTEGER NOT NULL REFERENCES objects (seq),
    source_id INTEGER NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    PRIMARY KEY (seq, source_id)
) WITHOUT ROWID;
CREATE INDEX object_holders_source ON object_holders (source_id);

-- Append-only: triggers refuse every change and deletion.
CREATE TABLE audit_log (
    seq      INTEGER PRIMARY KEY,
    at       TEXT NOT NULL,
    actor    TEXT NOT NULL,                 -- username, 'system', or 'anonymous'
    org_id   INTEGER,
    action   TEXT NOT NULL,                 -- e.g. login, token.use, document.add, share, read.red
    target   TEXT,                          -- the id the action was on
    outcome  TEXT NOT NULL DEFAULT 'ok',    -- ok | denied | failed
    detail   TEXT                           -- JSON, never a secret
);
CREATE INDEX audit_at ON audit_log (at);
CREATE INDEX audit_action ON audit_log (action, seq);
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
