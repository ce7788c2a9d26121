-- People: sci-tech workers, members and experts. An org owns each record;
-- scoping joins orgs, so moving an org never leaves people behind.
-- ID numbers and phones are sealed (AES-GCM, key version prefix) with a
-- keyed blind index for exact lookup and de-duplication; the masked form
-- (first six and last four of an ID number) is kept for lists.
CREATE TABLE people (
    id           BIGINT PRIMARY KEY,
    org_id       BIGINT NOT NULL REFERENCES orgs (id),
    name         TEXT NOT NULL,
    gender       TEXT NOT NULL DEFAULT '',
    birth_date   TEXT NOT NULL DEFAULT '',
    id_enc       TEXT NOT NULL DEFAULT '',
    id_index     TEXT,
    id_masked    TEXT NOT NULL DEFAULT '',
    phone_enc    TEXT NOT NULL DEFAULT '',
    phone_index  TEXT,
    phone_masked TEXT NOT NULL DEFAULT '',
    email        TEXT NOT NULL DEFAULT '',
    employer     TEXT NOT NULL DEFAULT '',
    title_level  TEXT NOT NULL DEFAULT '',
    title        TEXT NOT NULL DEFAULT '',
    education    TEXT NOT NULL DEFAULT '',
    degree       TEXT NOT NULL DEFAULT '',
    discipline   TEXT NOT NULL DEFAULT '',
    expertise    TEXT NOT NULL DEFAULT '',
    region_code  TEXT NOT NULL DEFAULT '',
    categories   TEXT NOT NULL DEFAULT '',      -- talent categories, "、"-separated
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL
);
CREATE UNIQUE INDEX people_id_index ON people (id_index);
CREATE INDEX people_phone_index ON people (phone_index);
CREATE INDEX people_org ON people (org_id, name);
CREATE INDEX people_name ON people (name);
