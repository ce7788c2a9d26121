-- At most one root: the store checks it, and this index keeps two app nodes
-- that start on a fresh database at the same moment from creating two.
CREATE UNIQUE INDEX orgs_one_root ON orgs (depth) WHERE depth = 0;
-- Children are listed by name with the id as tie-breaker: with the id in the
-- index, a page of children is read in order without a sort step.
DROP INDEX orgs_parent;
CREATE INDEX orgs_parent ON orgs (parent_id, name, id);
