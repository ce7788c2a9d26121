-- pinyin() compares runs of digits by value from core migration 005 on
-- (第2届 before 第10届): the keys kept so far of names holding a digit are
-- recomputed. The WHERE writes only the rows whose key changes (names
-- without a digit keep theirs), though every key is computed once.
UPDATE orgs SET name_key = pinyin(name) WHERE name_key <> pinyin(name);
