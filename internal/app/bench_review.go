package app

import (
	"context"
	"fmt"
	"time"

	"kexie/internal/access"
	"kexie/internal/auth"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/review"
)

// ReviewFixture is a database seeded for the reviewer pages' benchmark.
type ReviewFixture struct {
	Token        string // session cookie value of the reviewer
	Assignments  int    // the reviewer's
	AssignmentID int64  // one of them, for the score page
	Rows         int    // applications + assignments written
}

// SeedReview adds to a database seeded by SeedOrgTree a call at the root
// with one open expert-review stage: apps applications, each assigned to
// 5 of experts reviewers in turn (written in bulk, not through the store:
// the store's per-application rules are measured by the engine's own
// benchmarks), and signs in the reviewer who is expert 1 — apps×5/experts
// assignments on their worklist.
func (a *App) SeedReview(ctx context.Context, root org.Org, apps, experts int) (ReviewFixture, error) {
	var fx ReviewFixture
	rubric := []review.Criterion{{Key: "innovation", Label: "创新性", Weight: 0.4, Max: 100},
		{Key: "impact", Label: "贡献与影响", Weight: 0.4, Max: 100}, {Key: "prospect", Label: "发展潜力", Weight: 0.2, Max: 100, CommentRequired: true}}
	tpl, _ := review.TemplateByKey("youth_award")
	c, err := a.Review.CreateCall(ctx, review.CallInput{OrgID: root.ID, Title: "第十届青年科技奖", Kind: "award", ApplicantKind: review.Individual,
		OpensAt: time.Now().Add(-30 * 24 * time.Hour), ClosesAt: time.Now().Add(-time.Hour), Form: tpl.Form,
		Stages: []review.StageInput{{Kind: review.StageReview, Name: "专家评审", PerApp: 5, Method: review.Trimmed, Blind: true, Rubric: rubric,
			DueAt: time.Now().Add(30 * 24 * time.Hour)}}}, 0)
	if err != nil {
		return fx, err
	}
	if err := a.Review.Publish(ctx, c.ID); err != nil {
		return fx, err
	}
	pw := "Load-Test-2026!"
	u, err := a.Auth.CreateUser(ctx, auth.UserInput{Username: "reviewbench", DisplayName: "评审专家", Password: pw})
	if err != nil {
		return fx, err
	}
	if err := a.Auth.Grant(ctx, u.ID, root.ID, access.Reviewer, 0); err != nil {
		return fx, err
	}
	answers := `{"summary":{"s":"长期从事钒钛资源综合利用研究，主持省部级项目多项，成果在省内多家企业应用。"},"field":{"s":"工学"},` +
		`"born":{"s":"1990-05-01"},"achievements":{"rows":[{"name":"四川省科技进步奖二等奖","year":"2024"},{"name":"发明专利 3 项","year":"2023"}]},` +
		`"cv":{"f":{"name":"推荐表.pdf","size":1048576,"sha256":"` + fmt.Sprintf("%064d", 0) + `"}}}`
	err = a.DB.Tx(ctx, func(tx *db.Tx) error {
		var stage int64
		if err := tx.QueryRow(ctx, `SELECT id FROM review_stages WHERE call_id = ?`, c.ID).Scan(&stage); err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `UPDATE review_stages SET status = 'open', seed = 1 WHERE id = ?`, stage); err != nil {
			return err
		}
		now := db.Millis(tx.Now)
		for i := 0; i < apps; i++ {
			id := tx.NewID()
			if _, err := tx.Exec(ctx, `INSERT INTO review_applications (id, call_id, user_id, person_id, org_id, title, name, employer,
				discipline, form_version, answers, status, stage_seq, submitted_at, created_at, updated_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, '43010', 1, ?, 'in_stage', 1, ?, ?, ?)`, id, c.ID, -int64(i+1), 100000+i, root.ID,
				fmt.Sprintf("钒钛资源综合利用关键技术研究之%d", i+1), fmt.Sprintf("申报人%d", i+1), fmt.Sprintf("单位%d", i%300),
				answers, now, now, now); err != nil {
				return err
			}
			fx.Rows++
			for k := 0; k < 5; k++ {
				expert := (i*5+k)%experts + 1
				user := int64(0)
				if expert == 1 {
					user = u.ID
				}
				gid := tx.NewID()
				if _, err := tx.Exec(ctx, `INSERT INTO review_assignments (id, stage_id, application_id, person_id, user_id, status,
					assigned_at, due_at) VALUES (?, ?, ?, ?, ?, 'open', ?, ?)`, gid, stage, id, expert, user, now, now+30*86400000); err != nil {
					return err
				}
				fx.Rows++
				if user != 0 {
					fx.Assignments++
					fx.AssignmentID = gid
				}
			}
		}
		return nil
	})
	if err != nil {
		return fx, fmt.Errorf("app: seed review: %w", err)
	}
	res, err := a.Auth.Login(ctx, "reviewbench", pw, "127.0.0.1", "kexie bench")
	if err != nil {
		return fx, err
	}
	fx.Token = res.Token
	return fx, nil
}
