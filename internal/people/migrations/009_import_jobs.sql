-- Web imports of large files run as jobs. The row is the job's state for
-- every app node: its phase, how far it has read and, once finished, its
-- result (the JSON of ImportResult), so any node behind the load balancer
-- can answer the progress page. SQLite holds the import's write lock while it
-- runs, so there progress lives in the one node's memory until the end.
CREATE TABLE people_import_jobs (
    id          BIGINT PRIMARY KEY,
    org_id      BIGINT NOT NULL REFERENCES orgs (id),
    user_id     BIGINT NOT NULL DEFAULT 0,
    file_name   TEXT NOT NULL,
    dry_run     INTEGER NOT NULL DEFAULT 0,
    phase       TEXT NOT NULL,                 -- running, done, failed
    rows_read   BIGINT NOT NULL DEFAULT 0,
    bytes_read  BIGINT NOT NULL DEFAULT 0,
    bytes_total BIGINT NOT NULL DEFAULT 0,
    result      TEXT NOT NULL DEFAULT '',
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX people_import_jobs_created ON people_import_jobs (created_at);
