-- Federation: the remote TAXII 2.1 collections this node syncs with (docs/taxii.md,
-- "Federation: accord sync").

-- One remote collection. What is pulled from it is a new source owned by `org_id`, shared as
-- tlp/distribution/groups say. What is pushed to it is what `peer_org_id` (an organisation of
-- kind 'peer' standing for the remote node) may see of `org_id`'s sources, never more.
-- The credentials are kept to present them to the remote; they are never listed, logged or
-- audited. Checkpoints: `pull_checkpoint` is the remote's last X-TAXII-Date-Added-Last,
-- `push_checkpoint` the local TAXII cursor (accord.store.collections) of the last row the
-- remote acknowledged. `running_until` is the claim of a run in progress (accord.service.sync).
CREATE TABLE peers (
    id               BIGSERIAL PRIMARY KEY,
    name             TEXT NOT NULL,
    url              TEXT NOT NULL,             -- the remote collection: .../collections/{id}/
    direction        TEXT NOT NULL CHECK (direction IN ('pull', 'push', 'both')),
    org_id           BIGINT NOT NULL REFERENCES organisations (id),
    peer_org_id      BIGINT REFERENCES organisations (id),
    tlp              TEXT NOT NULL DEFAULT 'amber'
                     CHECK (tlp IN ('clear', 'green', 'amber', 'amber+strict', 'red')),
    distribution     TEXT NOT NULL DEFAULT 'owner'
                     CHECK (distribution IN ('owner', 'groups', 'community', 'federation')),
    share_groups     TEXT NOT NULL DEFAULT '[]',   -- JSON: sharing group ids, for 'groups'
    auth             TEXT NOT NULL DEFAULT 'none' CHECK (auth IN ('none', 'bearer', 'basic')),
    auth_user        TEXT,                          -- for 'basic'
    auth_secret      TEXT,                          -- the token or password
    interval_seconds BIGINT NOT NULL CHECK (interval_seconds > 0),
    pull_checkpoint  TEXT,
    push_checkpoint  TEXT,
    last_attempt     TEXT,
    last_success     TEXT,
    failures         BIGINT NOT NULL DEFAULT 0,
    last_error       TEXT,                          -- one line
    next_due         TEXT NOT NULL,
    running_until    TEXT,                          -- a run's claim: no other run till then
    last_pulled      BIGINT NOT NULL DEFAULT 0,    -- objects received in the last run
    last_written     BIGINT NOT NULL DEFAULT 0,    -- versions it stored
    last_pushed      BIGINT NOT NULL DEFAULT 0,    -- objects the remote accepted
    last_rejected    BIGINT NOT NULL DEFAULT 0,    -- refused either way
    created          TEXT NOT NULL,
    CHECK (direction = 'pull' OR peer_org_id IS NOT NULL),
    CHECK ((auth = 'none') = (auth_secret IS NULL)),
    CHECK ((auth = 'basic') = (auth_user IS NOT NULL))
);
CREATE INDEX peers_due ON peers (next_due);
CREATE UNIQUE INDEX peers_name ON peers (lower(name));
