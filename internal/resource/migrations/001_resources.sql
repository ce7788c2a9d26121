-- 科普资源库: exhibits, posters, readings, films and courseware, their
-- files, and the loans of physical items to other orgs.
CREATE TABLE resources (
    id          BIGINT PRIMARY KEY,
    org_id      BIGINT NOT NULL REFERENCES orgs (id), -- the owner
    kind        TEXT NOT NULL,      -- exhibit, poster, reading, film, courseware
    title       TEXT NOT NULL,
    summary     TEXT NOT NULL DEFAULT '',
    licence     TEXT NOT NULL,      -- cc-by, cc-by-nc, own, licensed, public-domain
    physical    INTEGER NOT NULL DEFAULT 0, -- a thing that can be lent (an exhibit, a printed poster set)
    public      INTEGER NOT NULL DEFAULT 1, -- shown in the public catalogue
    created_by  BIGINT NOT NULL DEFAULT 0,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX resources_org ON resources (org_id, kind);

CREATE TABLE resource_files (
    id          BIGINT PRIMARY KEY,
    resource_id BIGINT NOT NULL REFERENCES resources (id),
    name        TEXT NOT NULL,
    mime        TEXT NOT NULL,      -- sniffed from the content, not the name
    size        BIGINT NOT NULL,
    data        {{blob}} NOT NULL,
    created_at  BIGINT NOT NULL
);
CREATE INDEX resource_files_res ON resource_files (resource_id);

CREATE TABLE resource_loans (
    id            BIGINT PRIMARY KEY,
    resource_id   BIGINT NOT NULL REFERENCES resources (id),
    borrower_id   BIGINT NOT NULL REFERENCES orgs (id),
    out_at        BIGINT NOT NULL,
    due_at        BIGINT NOT NULL,
    returned_at   BIGINT NOT NULL DEFAULT 0,
    note          TEXT NOT NULL DEFAULT '',
    created_by    BIGINT NOT NULL DEFAULT 0
);
-- An item is out to one borrower at a time.
CREATE UNIQUE INDEX resource_loans_open ON resource_loans (resource_id) WHERE returned_at = 0;
CREATE INDEX resource_loans_res ON resource_loans (resource_id, out_at);
