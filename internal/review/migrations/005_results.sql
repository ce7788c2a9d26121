-- The results library (成果库): a final result's submissions to a higher
-- body (报送) and the instructions it gave back (批示). Both are kept as
-- history: rows are added, never changed.
CREATE TABLE review_reports (
    id             BIGINT PRIMARY KEY,
    application_id BIGINT NOT NULL REFERENCES review_applications (id),
    to_org_id      BIGINT NOT NULL DEFAULT 0,   -- the org it went to, when it is in the tree
    to_name        TEXT NOT NULL,               -- the body it went to (市委办公室, 省科协 …)
    sent_on        TEXT NOT NULL,               -- YYYY-MM-DD
    note           TEXT NOT NULL DEFAULT '',
    created_by     BIGINT NOT NULL,
    created_at     BIGINT NOT NULL
);
CREATE INDEX review_reports_app ON review_reports (application_id, sent_on);

CREATE TABLE review_instructions (
    id         BIGINT PRIMARY KEY,
    report_id  BIGINT NOT NULL REFERENCES review_reports (id),
    leader     TEXT NOT NULL,                   -- who gave it (name and post)
    body       TEXT NOT NULL,
    given_on   TEXT NOT NULL,                   -- YYYY-MM-DD
    created_by BIGINT NOT NULL,
    created_at BIGINT NOT NULL
);
CREATE INDEX review_instructions_report ON review_instructions (report_id, given_on);
