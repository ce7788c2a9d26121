-- A person's employer (工作单位) is either an org in the tree
-- (employer_org_id, its name copied into employer) or an outside unit named
-- in employer with its unified social credit code (统一社会信用代码,
-- GB 32100), never both. Rows from before keep their name only.
ALTER TABLE people ADD COLUMN employer_org_id BIGINT REFERENCES orgs (id);
ALTER TABLE people ADD COLUMN employer_uscc TEXT NOT NULL DEFAULT '';
