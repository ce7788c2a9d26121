-- Every write to a person appends its id here in the same transaction, so
-- each node's in-memory search index can catch up with committed rows.
CREATE TABLE people_changes (
    seq       {{serial_pk}},
    person_id BIGINT NOT NULL,
    at        BIGINT NOT NULL
);
