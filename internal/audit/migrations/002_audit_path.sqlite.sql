CREATE INDEX audit_log_org_path ON audit_log (org_path, at);
