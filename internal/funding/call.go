package funding

import (
	"context"
	"time"

	"kexie/internal/review"
)

// FundingCall is the configuration of a 科普项目资助 call on the review
// engine: kind "funding", unit applicants recommended by their association,
// a formal check, expert review on a rubric, a 公示 and the grant. Staff
// adjust it as any call; nothing here runs the process.
func FundingCall(orgID int64, title string, opens, closes time.Time) review.CallInput {
	fp := func(x float64) *float64 { return &x }
	rubric := []review.Criterion{
		{Key: "value", Label: "科普价值与受众覆盖", Weight: 0.4, Min: 0, Max: 100},
		{Key: "plan", Label: "实施方案可行性", Weight: 0.3, Min: 0, Max: 100},
		{Key: "budget", Label: "经费预算合理性", Weight: 0.3, Min: 0, Max: 100, CommentRequired: true},
	}
	return review.CallInput{OrgID: orgID, Title: title, Kind: "funding", ApplicantKind: review.Unit,
		OpensAt: opens, ClosesAt: closes, PublicityDays: 5,
		Form: review.Schema{Fields: []review.Field{
			{Key: "summary", Label: "项目简介", Type: review.LongText, Required: true, Max: fp(3000)},
			{Key: "audience", Label: "预计受众（人次）", Type: review.Number, Required: true, Min: fp(0), Max: fp(1e8)},
			{Key: "budget", Label: "经费预算（万元）", Type: review.Table, Required: true, MaxRows: 10, Columns: []review.Field{
				{Key: "item", Label: "科目", Type: review.Text, Required: true},
				{Key: "amount", Label: "金额", Type: review.Number, Required: true, Min: fp(0), Max: fp(500)}}},
			{Key: "proposal", Label: "项目申报书", Type: review.File, Required: true, FileTypes: []string{"pdf", "docx"}, MaxSize: 20 << 20},
		}},
		Stages: []review.StageInput{
			{Kind: review.StageFormal, Name: "形式审查"},
			{Kind: review.StageReview, Name: "专家评审", PerApp: 3, Method: review.Mean, Rubric: rubric},
			{Kind: review.StagePublicity, Name: "资助公示"},
			{Kind: review.StageResult, Name: "立项资助"},
		}}
}

// CreateCall creates a 科普项目资助 call on the review engine.
func CreateCall(ctx context.Context, rs *review.Store, orgID int64, title string, opens, closes time.Time, by int64) (review.Call, error) {
	return rs.CreateCall(ctx, FundingCall(orgID, title, opens, closes), by)
}
