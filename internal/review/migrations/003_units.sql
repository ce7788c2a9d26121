-- Unit applicants (a 学会, a county 科协, a university): the application
-- belongs to the org; any staff of it may edit the draft. user_id keeps
-- who filed it, so that person never decides on it.
ALTER TABLE review_applications ADD COLUMN unit_id BIGINT NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX review_applications_unit ON review_applications (call_id, unit_id) WHERE unit_id <> 0;
