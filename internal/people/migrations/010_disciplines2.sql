-- Secondary disciplines (次要学科, GB/T 13745) of a person: up to five codes
-- joined by ",", in the order given; the primary stays in discipline.
ALTER TABLE people ADD COLUMN disciplines2 TEXT NOT NULL DEFAULT '';
