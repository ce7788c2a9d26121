-- Count and sum of invoices per society and status, kept by triggers on
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
CREATE TRIGGER member_invoices_totals_insert AFTER INSERT ON member_invoices BEGIN
    INSERT INTO member_invoice_totals (org_id, status, n, cents) VALUES (NEW.org_id, NEW.status, 1, NEW.amount_cents)
        ON CONFLICT (org_id, status) DO UPDATE SET n = n + 1, cents = cents + excluded.cents;
END;
CREATE TRIGGER member_invoices_totals_delete AFTER DELETE ON member_invoices BEGIN
    UPDATE member_invoice_totals SET n = n - 1, cents = cents - OLD.amount_cents WHERE org_id = OLD.org_id AND status = OLD.status;
END;
CREATE TRIGGER member_invoices_totals_update AFTER UPDATE OF org_id, status, amount_cents ON member_invoices BEGIN
    UPDATE member_invoice_totals SET n = n - 1, cents = cents - OLD.amount_cents WHERE org_id = OLD.org_id AND status = OLD.status;
    INSERT INTO member_invoice_totals (org_id, status, n, cents) VALUES (NEW.org_id, NEW.status, 1, NEW.amount_cents)
        ON CONFLICT (org_id, status) DO UPDATE SET n = n + 1, cents = cents + excluded.cents;
END;
