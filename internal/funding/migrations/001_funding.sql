-- 科普经费: budget entries by org and year, and the resident population of
-- each region by year (imported), from which 人均科普经费 follows.
CREATE TABLE funding_budgets (
    id           BIGINT PRIMARY KEY,
    org_id       BIGINT NOT NULL REFERENCES orgs (id),
    year         INTEGER NOT NULL,
    item         TEXT NOT NULL,
    amount_cents BIGINT NOT NULL,     -- yuan × 100
    created_by   BIGINT NOT NULL DEFAULT 0,
    created_at   BIGINT NOT NULL
);
CREATE INDEX funding_budgets_org ON funding_budgets (org_id, year);

CREATE TABLE funding_populations (
    region_code TEXT NOT NULL,        -- GB/T 2260
    year        INTEGER NOT NULL,
    population  BIGINT NOT NULL,      -- 常住人口, persons
    updated_at  BIGINT NOT NULL,
    PRIMARY KEY (region_code, year)
);
