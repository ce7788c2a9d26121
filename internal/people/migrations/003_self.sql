-- Self-service: a registered account may own one person record (its
-- holder's own profile), with the consents given under the personal
-- information protection law (PIPL) and requests to delete the data.
ALTER TABLE people ADD COLUMN user_id BIGINT;
CREATE UNIQUE INDEX people_user ON people (user_id);

CREATE TABLE consents (
    id             BIGINT PRIMARY KEY,
    person_id      BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    purpose        TEXT NOT NULL,
    notice_version TEXT NOT NULL,
    given_at       BIGINT NOT NULL,
    withdrawn_at   BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX consents_person ON consents (person_id);

CREATE TABLE deletion_requests (
    id           BIGINT PRIMARY KEY,
    person_id    BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    requested_at BIGINT NOT NULL,
    reason       TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL,             -- pending, done
    resolved_by  BIGINT NOT NULL DEFAULT 0,
    resolved_at  BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX deletion_requests_status ON deletion_requests (status, requested_at);
