-- The full birth date no longer lies in clear beside the masked ID number
-- (issue 17 §5.1, D43): together they rebuilt the number without the key.
-- Only the birth year stays, for the youth rule, the age-band facet and
-- search; the full date is read from the sealed ID number when a permitted
-- user reveals it. Masks keep the region of issue only ("510104" + 12 "*").
ALTER TABLE people ADD COLUMN birth_year INTEGER NOT NULL DEFAULT 0;
UPDATE people SET birth_year = CAST(substr(birth_date, 1, 4) AS INTEGER) WHERE length(birth_date) = 10;
-- Blank the dates before dropping the column: PostgreSQL keeps a dropped
-- column's bytes in each row until the row is written again.
UPDATE people SET birth_date = '' WHERE birth_date <> '';
ALTER TABLE people DROP COLUMN birth_date;
UPDATE people SET id_masked = substr(id_masked, 1, 6) || '************' WHERE length(id_masked) = 18;
