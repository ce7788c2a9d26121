-- Honours, awards and achievements of a person as simple typed lists
-- (论文, 专利, 项目, 标准, 获奖, 荣誉); their titles are searched too.
CREATE TABLE person_items (
    id         BIGINT PRIMARY KEY,
    person_id  BIGINT NOT NULL REFERENCES people (id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    title      TEXT NOT NULL,
    year       INTEGER NOT NULL DEFAULT 0,
    detail     TEXT NOT NULL DEFAULT '',
    created_at BIGINT NOT NULL
);
CREATE INDEX person_items_person ON person_items (person_id, kind);
