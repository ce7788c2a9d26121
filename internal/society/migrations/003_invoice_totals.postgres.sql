-- Count and sum of invoices per society and status, kept by a trigger on
-- every write to member_invoices, so the dues ledger of a society with
-- hundreds of thousands of members reads four rows, not every invoice.
CREATE TABLE member_invoice_totals (
    org_id BIGINT NOT NULL,
    status TEXT NOT NULL,
    n      BIGINT NOT NULL,
    cents  BIGINT NOT NULL,
    PRIMARY KEY (org_id, status)
);
INSERT INTO member_invoice_totals (org_id, status, n, cents)
    SELECT org_id, status, COUNT(*), COALESCE(SUM(amount_cents), 0) FROM member_invoices GROUP BY org_id, status;
CREATE FUNCTION member_invoices_totals() RETURNS trigger LANGUAGE plpgsql SET search_path FROM CURRENT AS $$
BEGIN
    IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE member_invoice_totals SET n = n - 1, cents = cents - OLD.amount_cents
            WHERE org_id = OLD.org_id AND status = OLD.status;
    END IF;
    IF TG_OP IN ('UPDATE', 'INSERT') THEN
        INSERT INTO member_invoice_totals (org_id, status, n, cents) VALUES (NEW.org_id, NEW.status, 1, NEW.amount_cents)
            ON CONFLICT (org_id, status) DO UPDATE SET n = member_invoice_totals.n + 1,
                cents = member_invoice_totals.cents + EXCLUDED.cents;
    END IF;
    RETURN NULL;
END
$$;
CREATE TRIGGER member_invoices_totals_insert_delete AFTER INSERT OR DELETE ON member_invoices
    FOR EACH ROW EXECUTE FUNCTION member_invoices_totals();
CREATE TRIGGER member_invoices_totals_update AFTER UPDATE OF org_id, status, amount_cents ON member_invoices
    FOR EACH ROW EXECUTE FUNCTION member_invoices_totals();
