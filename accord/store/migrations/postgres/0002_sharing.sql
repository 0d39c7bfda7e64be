-- Principals, sources and sharing (docs/sharing.md).

CREATE TABLE organisations (
    id          BIGSERIAL PRIMARY KEY,
    name        TEXT NOT NULL,
    identity_id TEXT NOT NULL UNIQUE,       -- the STIX identity the organisation writes as
    created     TEXT NOT NULL
);
CREATE UNIQUE INDEX organisations_name ON organisations (lower(name));

CREATE TABLE users (
    id            BIGSERIAL PRIMARY KEY,
    username      TEXT NOT NULL,
    org_id        BIGINT NOT NULL REFERENCES organisations (id),
    role          TEXT NOT NULL CHECK (role IN ('admin', 'editor', 'analyst', 'reader')),
    password_hash TEXT NOT NULL,            -- argon2id, in its PHC string form
    disabled      BOOLEAN NOT NULL DEFAULT FALSE,
    created       TEXT NOT NULL
);
CREATE UNIQUE INDEX users_username ON users (lower(username));
CREATE INDEX users_org ON users (org_id);

-- API tokens: only a SHA-256 of the secret is kept (the secret is 256 random bits, shown once).
CREATE TABLE api_tokens (
    id          TEXT PRIMARY KEY,           -- public id: listed, and used to revoke
    user_id     BIGINT NOT NULL REFERENCES users (id),
    secret_hash TEXT NOT NULL UNIQUE,
    created     TEXT NOT NULL,
    expires     TEXT,
    revoked     TEXT,
    last_used   TEXT
);
CREATE INDEX api_tokens_user ON api_tokens (user_id);

CREATE TABLE sharing_groups (
    id        BIGSERIAL PRIMARY KEY,
    name      TEXT NOT NULL,
    owner_org BIGINT NOT NULL REFERENCES organisations (id),
    created   TEXT NOT NULL
);
CREATE UNIQUE INDEX sharing_groups_name ON sharing_groups (lower(name));
CREATE TABLE group_members (
    org_id   BIGINT NOT NULL REFERENCES organisations (id),
    group_id BIGINT NOT NULL REFERENCES sharing_groups (id) ON DELETE CASCADE,
    PRIMARY KEY (org_id, group_id)
);

-- Where objects come from: a document ingested or a bundle imported, with its owner and the
-- sharing the owner chose. A fact is visible exactly when its source is.
CREATE TABLE sources (
    id           BIGSERIAL PRIMARY KEY,
    kind         TEXT NOT NULL CHECK (kind IN ('document', 'bundle', 'node')),
    ref          TEXT NOT NULL,             -- the document's report id, or the bundle's id
    label        TEXT,                      -- the file it came from, for people
    owner_org    BIGINT REFERENCES organisations (id),  -- NULL: the node's operator
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
    source_id BIGINT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    group_id  BIGINT NOT NULL REFERENCES sharing_groups (id),
    PRIMARY KEY (group_id, source_id)
);

-- The organisations each source is visible to, as the rules of accord.sharing compile them
-- (accord.store.audience keeps it current on every change of a source's sharing, of group
-- membership and of the organisations): reads probe it once per row.
CREATE TABLE source_audience (
    org_id    BIGINT NOT NULL REFERENCES organisations (id),
    source_id BIGINT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    PRIMARY KEY (org_id, source_id)
);
CREATE INDEX source_audience_source ON source_audience (source_id);

-- What the store held before sharing existed stays the operator's alone.
INSERT INTO sources (id, kind, ref, label, owner_org, tlp, distribution, created, modified)
SELECT 1, 'node', 'before-sharing', 'objects stored before sharing existed', NULL, 'amber',
       'owner', COALESCE(MIN(date_added), '1970-01-01T00:00:00.000000Z'),
       COALESCE(MIN(date_added), '1970-01-01T00:00:00.000000Z')
FROM objects HAVING COUNT(*) > 0;
SELECT setval(pg_get_serial_sequence('sources', 'id'), GREATEST((SELECT MAX(id) FROM sources), 1),
              (SELECT MAX(id) FROM sources) IS NOT NULL);

ALTER TABLE objects ADD COLUMN source_id BIGINT REFERENCES sources (id);
UPDATE objects SET source_id = 1;
CREATE INDEX objects_source_id ON objects (source_id);
-- A document is stored once per organisation that holds it (each its own source and facts).
ALTER TABLE documents DROP CONSTRAINT documents_sha256_key;
ALTER TABLE documents ADD COLUMN source_id BIGINT REFERENCES sources (id);
ALTER TABLE documents ADD COLUMN owner_org BIGINT REFERENCES organisations (id);
UPDATE documents SET source_id = (SELECT id FROM sources WHERE id = 1);
CREATE UNIQUE INDEX documents_digest ON documents (sha256, COALESCE(owner_org, 0));
CREATE INDEX documents_source ON documents (source_id);

-- Entities (persons, organisations, places, threat actors, and the definitions objects rely
-- on) hold only identifying data and are shared by every source that names them: visible
-- when one of those sources is. `evidence` is that source's provenance of the entity.
CREATE TABLE mentions (
    object_id TEXT NOT NULL,
    source_id BIGINT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    evidence  TEXT,
    PRIMARY KEY (object_id, source_id)
);
CREATE INDEX mentions_source ON mentions (source_id);
INSERT INTO mentions (object_id, source_id) SELECT DISTINCT id, 1 FROM objects
WHERE type IN ('identity', 'location', 'threat-actor', 'extension-definition',
               'marking-definition');

-- A version written by one source and brought again, identical, by another: held by both.
CREATE TABLE object_holders (
    seq       BIGINT NOT NULL REFERENCES objects (seq),
    source_id BIGINT NOT NULL REFERENCES sources (id) ON DELETE CASCADE,
    PRIMARY KEY (seq, source_id)
);
CREATE INDEX object_holders_source ON object_holders (source_id);

-- Append-only: a trigger refuses every change and deletion.
CREATE TABLE audit_log (
    seq      BIGSERIAL PRIMARY KEY,
    at       TEXT NOT NULL,
    actor    TEXT NOT NULL,                 -- username, 'system', or 'anonymous'
    org_id   BIGINT,
    action   TEXT NOT NULL,                 -- e.g. login, token.use, document.add, share, read.red
    target   TEXT,                          -- the id the action was on
    outcome  TEXT NOT NULL DEFAULT 'ok',    -- ok | denied | failed
    detail   TEXT                           -- JSON, never a secret
);
CREATE INDEX audit_at ON audit_log (at);
CREATE INDEX audit_action ON audit_log (action, seq);
CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN RAISE EXCEPTION 'the audit log is append-only'; END $$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE OR TRUNCATE ON audit_log
FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only();
