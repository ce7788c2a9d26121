package society

import (
	"context"
	"fmt"
	"math/rand"
	"strings"
	"time"

	"kexie/internal/db"
)

// SeedSpec says what Seed writes: for each society, reports on the years
// before Until (some late, some missing), a grade, a council term, and
// members (a share of them unpaid this year). Demo and benchmarks use it;
// rows are written in bulk without audit records, as an import would.
type SeedSpec struct {
	Societies []Ref
	Years     int
	Members   []int // members per society, in the order of Societies
	Until     int   // the first year not reported on
	Seed      int64
	Progress  func(done, total int)
}

// Seed fills the tables for spec. It is for empty societies only.
func (s *Store) Seed(ctx context.Context, spec SeedSpec) error {
	rng := rand.New(rand.NewSource(spec.Seed))
	b := &batcher{s: s}
	now := s.db.Now()
	done := 0
	for i, soc := range spec.Societies {
		for y := spec.Until - spec.Years; y < spec.Until; y++ {
			dl := s.Deadline(y)
			r := rng.Float64()
			if r < 0.1 && y >= spec.Until-3 { // missing
				continue
			}
			first, late, status := dl.AddDate(0, -1, -rng.Intn(60)), 0, ReportAccepted
			if r < 0.25 {
				first, late = dl.AddDate(0, 0, 1+rng.Intn(40)), 1
			}
			if first.After(now) {
				first, status = now, ReportFiled
			}
			members := 0
			if i < len(spec.Members) {
				members = spec.Members[i]
			}
			form := fmt.Sprintf(`{"activities":%d,"academic_events":%d,"members":%d,"income_total":%d,"income_dues":%d,"changes":[],"summary":""}`,
				5+rng.Intn(40), rng.Intn(8), members, 200000+rng.Intn(800000), members*50)
			if err := b.add(ctx, "society_reports", "id, org_id, year, status, form, members, dues_cents, deadline, first_filed, filed_at, late, updated_at",
				s.db.NewID(), soc.ID, y, status, form, members, int64(members)*5000, db.Millis(dl), db.Millis(first), db.Millis(first), late, db.Millis(first)); err != nil {
				return err
			}
		}
		if g := rng.Float64(); g < 0.7 {
			grade := []float64{92, 84, 75}[rng.Intn(3)]
			on := time.Date(spec.Until-1-rng.Intn(4), 12, 1, 0, 0, 0, 0, s.cfg.Loc).UTC()
			if err := b.add(ctx, "society_grades", "id, org_id, grade, score, awarded_on, valid_until, created_at",
				s.db.NewID(), soc.ID, GradeFor(grade), grade, db.Millis(on), db.Millis(on.AddDate(GradeYears, 0, 0)), db.Millis(on)); err != nil {
				return err
			}
		}
		start := time.Date(spec.Until-6+rng.Intn(4), 6, 1, 0, 0, 0, 0, s.cfg.Loc).UTC()
		if err := b.add(ctx, "society_terms", "id, org_id, body, seq, starts_on, ends_on",
			s.db.NewID(), soc.ID, "council", 3+rng.Intn(5), db.Millis(start), db.Millis(start.AddDate(5, 0, 0))); err != nil {
			return err
		}
		if i < len(spec.Members) && spec.Members[i] > 0 {
			if err := s.seedMembers(ctx, b, rng, soc, spec.Members[i], spec.Until); err != nil {
				return err
			}
			done += spec.Members[i]
		}
		if spec.Progress != nil {
			spec.Progress(i+1, done)
		}
	}
	return b.flush(ctx)
}

func (s *Store) seedMembers(ctx context.Context, b *batcher, rng *rand.Rand, soc Ref, n, until int) error {
	tiers := []Tier{{Kind: KindIndividual, Code: "student", Name: "学生会员", FeeCents: 2000, Years: 1},
		{Kind: KindIndividual, Code: "regular", Name: "普通会员", FeeCents: 5000, Years: 1},
		{Kind: KindIndividual, Code: "senior", Name: "高级会员", FeeCents: 10000, Years: 2},
		{Kind: KindIndividual, Code: "fellow", Name: "会士", FeeCents: 0, Years: 0},
		{Kind: KindUnit, Code: "unit", Name: "单位会员", FeeCents: 200000, Years: 1}}
	for i := range tiers {
		tiers[i].ID = s.db.NewID()
		t := tiers[i]
		if err := b.add(ctx, "member_tiers", "id, org_id, kind, code, name, fee_cents, years", t.ID, soc.ID, t.Kind, t.Code, t.Name, t.FeeCents, t.Years); err != nil {
			return err
		}
	}
	if err := b.add(ctx, "member_settings", "org_id, pattern, next_seq, receipt_seq", soc.ID, DefaultPattern, n+1, n); err != nil {
		return err
	}
	start := time.Date(until, 1, 1, 0, 0, 0, 0, s.cfg.Loc).UTC()
	for k := 1; k <= n; k++ {
		t := tiers[[]int{0, 1, 1, 1, 1, 2, 2, 3, 4, 1}[rng.Intn(10)]]
		id := s.db.NewID()
		number := fmt.Sprintf("%s-%05d", soc.Code, k)
		created := db.Millis(start.AddDate(-rng.Intn(8), 0, 0))
		if err := b.add(ctx, "members", "id, org_id, number, name, tier_id, status, card_code, created_at, updated_at",
			id, soc.ID, number, fmt.Sprintf("会员%d", k), t.ID, MemberActive, s.cardCode(id), created, created); err != nil {
			return err
		}
		term := s.db.NewID()
		var ends int64
		if t.Years > 0 {
			ends = db.Millis(start.AddDate(t.Years, 0, 0))
		}
		if err := b.add(ctx, "member_terms", "id, member_id, org_id, tier_id, starts_on, ends_on, status, created_at",
			term, id, soc.ID, t.ID, db.Millis(start), ends, "active", db.Millis(start)); err != nil {
			return err
		}
		status, paid, receipt := InvoicePaid, db.Millis(start.AddDate(0, 0, rng.Intn(60))), any(fmt.Sprintf("%s-%d-%06d", soc.Code, until, k))
		if rng.Float64() < 0.2 && t.TermFee() > 0 {
			status, paid, receipt = InvoiceUnpaid, 0, nil
		}
		if err := b.add(ctx, "member_invoices", "id, term_id, member_id, org_id, amount_cents, due_on, status, method, receipt_no, paid_at, created_at",
			s.db.NewID(), term, id, soc.ID, t.TermFee(), db.Millis(start), status, "transfer", receipt, paid, db.Millis(start)); err != nil {
			return err
		}
	}
	return nil
}

// batcher writes rows in multi-row INSERTs, one pending batch per table;
// when one fills, every table is written in the order first seen, so rows
// that name others (terms their member, invoices their term) come after.
type batcher struct {
	s       *Store
	order   []string
	pending map[string]*pend
}

type pend struct {
	cols string
	rows []string
	args []any
}

func (b *batcher) add(ctx context.Context, table, cols string, vals ...any) error {
	if b.pending == nil {
		b.pending = map[string]*pend{}
	}
	p := b.pending[table]
	if p == nil {
		p = &pend{cols: cols}
		b.pending[table] = p
		b.order = append(b.order, table)
	}
	p.rows = append(p.rows, "("+strings.TrimSuffix(strings.Repeat("?, ", len(vals)), ", ")+")")
	p.args = append(p.args, vals...)
	if len(p.args) > 8000 {
		return b.flush(ctx)
	}
	return nil
}

func (b *batcher) flush(ctx context.Context) error {
	for _, t := range b.order {
		p := b.pending[t]
		if len(p.rows) == 0 {
			continue
		}
		_, err := b.s.db.Exec(ctx, `INSERT INTO `+t+` (`+p.cols+`) VALUES `+strings.Join(p.rows, ", "), p.args...)
		p.rows, p.args = p.rows[:0], p.args[:0]
		if err != nil {
			return fmt.Errorf("society: seed %s: %w", t, err)
		}
	}
	return nil
}
