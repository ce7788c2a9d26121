// Package venue is the places of 科普: 科技馆, 科普教育基地, 科普e站 (with the
// “六有” checklist and its evidence), 科普画廊 and 流动科技馆/大篷车 — where
// they are, when they open, how many they hold, their yearly review and 动态
// 管理 outcome, and how many visited each year; a public list and a map
// that needs no outside map service; and coverage per region.
//
// This package must never read another module's tables, list a venue
// outside the scope it is given, or drop a review: a later review
// supersedes an earlier one and both stay.
package venue

import (
	"fmt"
	"time"
)

// Kinds of venue.
const (
	KindMuseum   = "museum"   // 科技馆
	KindBase     = "base"     // 科普教育基地
	KindEStation = "estation" // 科普e站
	KindGallery  = "gallery"  // 科普画廊
	KindMobile   = "mobile"   // 流动科技馆 / 科普大篷车
)

// Kinds lists the kinds in the order forms offer them.
func Kinds() []string { return []string{KindMuseum, KindBase, KindEStation, KindGallery, KindMobile} }

// Levels a venue may be named at.
func Levels() []string { return []string{"national", "provincial", "city", "county"} }

// Outcomes of a yearly review (动态管理).
const (
	Kept    = "kept"
	Warned  = "warned"  // 黄牌警告, to be put right by the next review
	Removed = "removed" // 摘牌
)

// Outcomes lists the outcomes of a review.
func Outcomes() []string { return []string{Kept, Warned, Removed} }

// SixItems are the “六有” of a 科普e站: 有场所、有终端、有网络、有活动、有人员管理、
// 有统一标志.
func SixItems() []string {
	return []string{"place", "terminal", "network", "activity", "staff", "sign"}
}

// Venue is one place of 科普.
type Venue struct {
	ID         int64
	OrgID      int64
	OrgName    string
	Kind       string
	Name       string
	Level      string
	RegionCode string
	RegionName string
	Township   string
	Address    string
	Lng, Lat   *float64
	Hours      string
	Capacity   int
	Contact    string
	Status     string
	Six        map[string]bool // the “六有” items met
	Visitors   int64           // the latest year's visitors
	CreatedAt  time.Time
}

// SixMet counts the “六有” items met.
func (v Venue) SixMet() int {
	n := 0
	for _, ok := range v.Six {
		if ok {
			n++
		}
	}
	return n
}

// Review is one yearly review.
type Review struct {
	ID         int64
	Year       int
	Score      float64
	Outcome    string
	Comment    string
	Reviewer   string
	ReviewedAt time.Time
}

// Evidence is one file proving a “六有” item.
type Evidence struct {
	ID          int64
	Item        string
	FileName    string
	ContentType string
	Size        int64
	UploadedAt  time.Time
}

// Visitors is one year's visitor count.
type Visitors struct {
	Year  int
	Count int64
}

// FormData is what the shared venue fields of a form need.
type FormData struct {
	View               any // the page's *web.View, for its strings
	Form               any // the *web.Form with the values and errors
	Kinds, Levels, Six []string
}

// Coords is the venue's longitude and latitude as text, "" without them.
func (v Venue) Coords() string {
	if v.Lng == nil || v.Lat == nil {
		return ""
	}
	return fmt.Sprintf("%.5f, %.5f", *v.Lng, *v.Lat)
}
