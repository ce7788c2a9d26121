-- Dashboards ask which targets of a plan have an entry for this quarter.
CREATE INDEX plan_progress_period ON plan_progress (plan_id, year, quarter);
