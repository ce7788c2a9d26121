-- 青少年科技教育: programmes (科学营, 科学调查体验, 导师结对 …) an org runs,
-- the students enrolled in them with their guardian's consent, attendance
-- per day and certificates; mentoring pairs of a student and a scientist of
-- the talent database; and the registry of 科技辅导员 (teachers who coach
-- students). Students are minors: the guardian's contact and any ID number
-- are sealed with package pii (never in clear), and only the birth year is
-- kept. Fees are in fen (分).
CREATE TABLE youth_programmes (
    id           BIGINT PRIMARY KEY,
    org_id       BIGINT NOT NULL REFERENCES orgs (id),
    title        TEXT NOT NULL,
    kind         TEXT NOT NULL,
    starts_on    BIGINT NOT NULL,
    ends_on      BIGINT NOT NULL,
    places       INTEGER NOT NULL,
    grade_lo     INTEGER NOT NULL,
    grade_hi     INTEGER NOT NULL,
    fee          BIGINT NOT NULL DEFAULT 0,
    description  TEXT NOT NULL DEFAULT '',
    status       TEXT NOT NULL,
    reason       TEXT NOT NULL DEFAULT '',
    summary      TEXT NOT NULL DEFAULT '',
    created_by   BIGINT NOT NULL DEFAULT 0,
    created_at   BIGINT NOT NULL,
    updated_at   BIGINT NOT NULL
);
CREATE INDEX youth_programmes_org ON youth_programmes (org_id, starts_on);
CREATE INDEX youth_programmes_status ON youth_programmes (status, starts_on);

-- A student: a minor. No birth date beyond the year, no photo; the
-- guardian's contact and an ID number (optional) sealed. Consent: who gave
-- it (the guardian's name), when and how, and who recorded it.
CREATE TABLE youth_students (
    id               BIGINT PRIMARY KEY,
    org_id           BIGINT NOT NULL REFERENCES orgs (id),
    name             TEXT NOT NULL,
    gender           TEXT NOT NULL DEFAULT '',
    birth_year       INTEGER NOT NULL DEFAULT 0,
    school           TEXT NOT NULL,
    grade            INTEGER NOT NULL,
    guardian_name    TEXT NOT NULL,
    guardian_contact TEXT NOT NULL,
    id_number        TEXT NOT NULL DEFAULT '',
    consent_by       TEXT NOT NULL,
    consent_at       BIGINT NOT NULL,
    consent_how      TEXT NOT NULL,
    recorded_by      BIGINT NOT NULL DEFAULT 0,
    recorded_name    TEXT NOT NULL DEFAULT '',
    created_at       BIGINT NOT NULL
);
CREATE INDEX youth_students_org ON youth_students (org_id);

-- An application for a student to a programme, and what staff decided.
-- org_id is the programme's (the list's scope reads it without a join).
CREATE TABLE youth_enrolments (
    id             BIGINT PRIMARY KEY,
    programme_id   BIGINT NOT NULL REFERENCES youth_programmes (id),
    student_id     BIGINT NOT NULL REFERENCES youth_students (id),
    org_id         BIGINT NOT NULL REFERENCES orgs (id),
    student_name   TEXT NOT NULL,
    school         TEXT NOT NULL,
    grade          INTEGER NOT NULL,
    gender         TEXT NOT NULL DEFAULT '',
    status         TEXT NOT NULL,
    applied_as     TEXT NOT NULL,
    applicant_user BIGINT NOT NULL,
    applicant_name TEXT NOT NULL DEFAULT '',
    reason         TEXT NOT NULL DEFAULT '',
    decided_by     BIGINT NOT NULL DEFAULT 0,
    decided_at     BIGINT NOT NULL DEFAULT 0,
    certificate    TEXT,
    completed_at   BIGINT NOT NULL DEFAULT 0,
    applied_at     BIGINT NOT NULL,
    UNIQUE (programme_id, student_id)
);
CREATE UNIQUE INDEX youth_enrolments_certificate ON youth_enrolments (certificate);
CREATE INDEX youth_enrolments_org ON youth_enrolments (org_id, applied_at);
-- The list pages in applied order (the first); the 待办 count and the list
-- filtered by status read the second.
CREATE INDEX youth_enrolments_applied ON youth_enrolments (applied_at, id);
CREATE INDEX youth_enrolments_status ON youth_enrolments (status, applied_at, org_id);
CREATE INDEX youth_enrolments_programme ON youth_enrolments (programme_id, status);
CREATE INDEX youth_enrolments_applicant ON youth_enrolments (applicant_user, applied_at);

-- Attendance, one row per enrolment and day; a correction replaces the
-- day's mark and is kept in the events.
CREATE TABLE youth_attendance (
    enrolment_id BIGINT NOT NULL REFERENCES youth_enrolments (id),
    day          BIGINT NOT NULL,
    present      INTEGER NOT NULL,
    by_user      BIGINT NOT NULL DEFAULT 0,
    at           BIGINT NOT NULL,
    PRIMARY KEY (enrolment_id, day)
);

-- Every step of a programme or an enrolment, appended and never changed.
CREATE TABLE youth_events (
    id           BIGINT PRIMARY KEY,
    programme_id BIGINT NOT NULL,
    enrolment_id BIGINT NOT NULL DEFAULT 0,
    at           BIGINT NOT NULL,
    actor_user   BIGINT NOT NULL DEFAULT 0,
    actor_name   TEXT NOT NULL DEFAULT '',
    action       TEXT NOT NULL,
    note         TEXT NOT NULL DEFAULT '',
    detail       TEXT NOT NULL DEFAULT ''
);
CREATE INDEX youth_events_programme ON youth_events (programme_id, at, id);
CREATE INDEX youth_events_enrolment ON youth_events (enrolment_id, at, id);

-- 科技辅导员: teachers who coach students; contact sealed. user_id links a
-- teacher's account (0: none), through which they apply for students.
CREATE TABLE youth_teachers (
    id          BIGINT PRIMARY KEY,
    org_id      BIGINT NOT NULL REFERENCES orgs (id),
    name        TEXT NOT NULL,
    school      TEXT NOT NULL,
    subject     TEXT NOT NULL,
    region_code TEXT NOT NULL,
    contact     TEXT NOT NULL,
    user_id     BIGINT NOT NULL DEFAULT 0,
    hours       INTEGER NOT NULL DEFAULT 0,
    created_at  BIGINT NOT NULL,
    updated_at  BIGINT NOT NULL
);
CREATE INDEX youth_teachers_org ON youth_teachers (org_id, name);
CREATE INDEX youth_teachers_user ON youth_teachers (user_id);

-- Trainings a teacher attended (hours in tenths) and yearly recognition.
CREATE TABLE youth_trainings (
    id         BIGINT PRIMARY KEY,
    teacher_id BIGINT NOT NULL REFERENCES youth_teachers (id),
    held_on    BIGINT NOT NULL,
    title      TEXT NOT NULL,
    hours      INTEGER NOT NULL,
    at         BIGINT NOT NULL
);
CREATE INDEX youth_trainings_teacher ON youth_trainings (teacher_id, held_on);
CREATE TABLE youth_recognitions (
    id         BIGINT PRIMARY KEY,
    teacher_id BIGINT NOT NULL REFERENCES youth_teachers (id),
    year       INTEGER NOT NULL,
    title      TEXT NOT NULL,
    at         BIGINT NOT NULL
);
CREATE INDEX youth_recognitions_teacher ON youth_recognitions (teacher_id, year);

-- 导师结对: a student and a mentor of the talent database (name and 工作单位
-- as the people module gave them), from a start to an end and an outcome.
CREATE TABLE youth_pairs (
    id              BIGINT PRIMARY KEY,
    org_id          BIGINT NOT NULL REFERENCES orgs (id),
    student_id      BIGINT NOT NULL REFERENCES youth_students (id),
    mentor_person   BIGINT NOT NULL,
    mentor_name     TEXT NOT NULL,
    mentor_employer TEXT NOT NULL DEFAULT '',
    started_on      BIGINT NOT NULL,
    ended_on        BIGINT NOT NULL DEFAULT 0,
    outcome         TEXT NOT NULL DEFAULT '',
    created_by      BIGINT NOT NULL DEFAULT 0,
    created_at      BIGINT NOT NULL
);
CREATE INDEX youth_pairs_mentor ON youth_pairs (mentor_person, ended_on);
CREATE INDEX youth_pairs_student ON youth_pairs (student_id);
CREATE INDEX youth_pairs_org ON youth_pairs (org_id, started_on);
CREATE TABLE youth_meetings (
    id      BIGINT PRIMARY KEY,
    pair_id BIGINT NOT NULL REFERENCES youth_pairs (id),
    held_on BIGINT NOT NULL,
    hours   INTEGER NOT NULL,
    note    TEXT NOT NULL DEFAULT '',
    at      BIGINT NOT NULL
);
CREATE INDEX youth_meetings_pair ON youth_meetings (pair_id, held_on);
