-- Pinyin initials of each discipline's name for the picker's Latin
-- type-ahead ("sx" → 数学), in std.Initials' stored form: a letter per
-- character, a polyphonic character's letters in brackets ("[cz]" for 长).
-- Computed in Go when the table is imported; '' on rows imported before
-- this migration, which the search then computes from the name.
ALTER TABLE disciplines ADD COLUMN initials TEXT NOT NULL DEFAULT '';
