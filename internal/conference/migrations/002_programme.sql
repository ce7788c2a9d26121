-- The programme committee (程序委员会) of a conference: members the
-- organiser names, who review its papers beside the organiser's staff.
CREATE TABLE conference_programme (
    conf_id  BIGINT NOT NULL REFERENCES conference_confs (id),
    user_id  BIGINT NOT NULL,
    name     TEXT NOT NULL DEFAULT '',
    added_at BIGINT NOT NULL,
    PRIMARY KEY (conf_id, user_id)
);
CREATE INDEX conference_programme_user ON conference_programme (user_id);
