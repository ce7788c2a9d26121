-- A target bound to a live source (internal/measure): the platform computes
-- its value per period over the subtree of org_id, at read time; nothing
-- computed is stored, and nobody files progress for it.
CREATE TABLE plan_indicator_sources (
    indicator_id BIGINT PRIMARY KEY REFERENCES plan_indicators (id) ON DELETE CASCADE,
    plan_id      BIGINT NOT NULL REFERENCES plans (id) ON DELETE CASCADE,
    source_key   TEXT NOT NULL,
    org_id       BIGINT NOT NULL REFERENCES orgs (id),
    bound_by     BIGINT NOT NULL DEFAULT 0,
    bound_at     BIGINT NOT NULL
);
CREATE INDEX plan_indicator_sources_plan ON plan_indicator_sources (plan_id);
