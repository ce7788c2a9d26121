-- Days that differ from the plain week: public holidays (休) and make-up
-- working days on a weekend (调休上班), entered per year by administrators
-- over the shipped table of the current year.
CREATE TABLE calendar_days (
    day     TEXT PRIMARY KEY,      -- YYYY-MM-DD, Beijing time
    kind    TEXT NOT NULL,         -- holiday, workday
    name    TEXT NOT NULL DEFAULT '',
    source  TEXT NOT NULL DEFAULT '',
    updated_at BIGINT NOT NULL
);
