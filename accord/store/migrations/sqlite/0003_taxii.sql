-- TAXII 2.1 collections, and the nodes they federate with (docs/taxii.md).

-- A peer is another node, known here as an organisation: it sees what is shared with the
-- federation and with the sharing groups it belongs to, never what is only for the community
-- of this node's members.
ALTER TABLE organisations ADD COLUMN kind TEXT NOT NULL DEFAULT 'member'
    CHECK (kind IN ('member', 'peer'));

-- TAXII order is (date_added, seq). A source shared more widely is added again: its rows'
-- date_added moves past every other (accord.store.audience), so that a client polling with
-- added_after receives what it may now see. date_added no longer grows with seq, and the
-- batches that relied on it go.
CREATE INDEX objects_added ON objects (date_added, seq);
DROP TABLE batches;

-- What a collection holds is what its reader may see within its scope (accord.sharing.Scope);
-- what is written to it is owned by the writer's organisation and shared as the scope says.
CREATE TABLE collections (
    id          TEXT PRIMARY KEY,          -- a UUID, as TAXII wants
    title       TEXT NOT NULL UNIQUE COLLATE NOCASE,
    description TEXT,
    scope       TEXT NOT NULL
                CHECK (scope IN ('visible', 'owner', 'groups', 'community', 'federation')),
    group_id    INTEGER REFERENCES sharing_groups (id),
    tlp         TEXT NOT NULL DEFAULT 'amber'   -- for objects written with no TLP marking
                CHECK (tlp IN ('clear', 'green', 'amber', 'amber+strict', 'red')),
    created     TEXT NOT NULL,
    CHECK ((scope = 'groups') = (group_id IS NOT NULL))
);
INSERT INTO collections (id, title, description, scope, tlp, created) VALUES
    ('4b6f0e38-b3c2-46f1-92a7-e49b94361eb9', 'Visible to me',
     'Everything the reader may see. What is written here stays with the writer''s organisation.',
     'visible', 'amber', '2026-01-01T00:00:00.000000000Z'),
    ('6b4de219-9281-482c-86e5-944892303cb6', 'Federation',
     'What member organisations share with the federation: other nodes read and write here.',
     'federation', 'green', '2026-01-01T00:00:00.000000000Z'),
    ('735eda95-03b4-4bbb-b45a-8737233d00ba', 'Community',
     'What member organisations share with every organisation on this node.',
     'community', 'green', '2026-01-01T00:00:00.000000000Z');

-- The status of each POST of objects (TAXII 2.1 §4.3): written once, complete when answered.
CREATE TABLE taxii_status (
    id                TEXT PRIMARY KEY,
    collection_id     TEXT NOT NULL REFERENCES collections (id),
    org_id            INTEGER REFERENCES organisations (id),  -- NULL: the operator
    status            TEXT NOT NULL CHECK (status IN ('pending', 'complete')),
    request_timestamp TEXT NOT NULL,
    total_count       INTEGER NOT NULL,
    success_count     INTEGER NOT NULL,
    failure_count     INTEGER NOT NULL,
    pending_count     INTEGER NOT NULL,
    detail            TEXT NOT NULL              -- JSON: successes, failures, pendings
);
CREATE INDEX taxii_status_org ON taxii_status (org_id);
