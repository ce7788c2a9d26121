// Package plan will hold a 科协's plans and their implementation: sections,
// tasks, quantitative indicators, responsible units, a progress ledger and
// evaluations. This first part reads a plan document's text into that
// structure (Ingest); the tables, tracking and pages come next.
//
// It must never guess silently: what it cannot read it leaves out, and the
// staff review every extracted item before a plan is saved.
package plan

// Doc is a plan document's structure as Ingest reads it. Its JSON is the
// stable output of `kexie plan ingest --json`.
type Doc struct {
	Title            string           `json:"title"`
	Issuer           *string          `json:"issuer"`
	Period           Period           `json:"period"`
	Sections         []*Section       `json:"sections"`
	Indicators       []Indicator      `json:"indicators"`
	Responsibilities []Responsibility `json:"responsibilities"`
	// OCR is set when the text looks made by OCR from a scan: its numbers,
	// and so the values read, may be misread (ocr_notice.go, D194).
	OCR *OCRNotice `json:"ocr,omitempty"`
}

// Period is the plan's span in years.
type Period struct {
	Start *int `json:"start"`
	End   *int `json:"end"`
}

// Section is a numbered part of the document (一、 → (一) → 1. → (1)).
type Section struct {
	Number   string     `json:"number"`
	Title    string     `json:"title"`
	Level    int        `json:"level"`
	Children []*Section `json:"children"`
	Start    int        `json:"start"` // rune offsets of the heading line in the text read
	End      int        `json:"end"`
}

// Indicator is a quantitative target found in the text.
type Indicator struct {
	Text         string    `json:"text"`    // the exact phrase from the document
	Section      []string  `json:"section"` // numbers of the enclosing sections
	Metric       string    `json:"metric"`
	Comparator   string    `json:"comparator"` // "=", "approx", ">=", "<=", "range"
	Value        *float64  `json:"value"`
	Low          *float64  `json:"low"`
	High         *float64  `json:"high"`
	Unit         string    `json:"unit"`
	Per          *string   `json:"per"` // "year", "two-years" or null
	DeadlineYear *int      `json:"deadline_year"`
	Baseline     *Baseline `json:"baseline"`
	Start        int       `json:"start"` // rune offsets of the quantity ("100名") in the text read
	End          int       `json:"end"`
	Multiplier   float64   `json:"multiplier"`           // 10000 for 万人, 1e8 for 亿元, else 1
	BaseUnit     string    `json:"base_unit"`            // the unit without its multiplier: 人, 元
	Constraint   string    `json:"constraint,omitempty"` // 约束性 or 预期性, when a table says
	Candidate    bool      `json:"candidate,omitempty"`  // unsure: for the reviewer to accept, not a target
	Score        *float64  `json:"score,omitempty"`      // the learned model's probability that it is a target (0–1); none for a table's
	Cumulative   bool      `json:"cumulative,omitempty"` // a table's 〔 〕 or [ ]: the total over the plan's years
	Category     string    `json:"category,omitempty"`   // a table's category cell of the row (经济发展, 领域), when it has one
	Reported     bool      `json:"reported,omitempty"`   // it reports rather than commits: the past (its section, sentence, clause or document), a forecast, what another document requires (the learned model's guard, D100, D103)
}

// Baseline is the starting value of an indicator.
type Baseline struct {
	Value float64 `json:"value"`
	Year  int     `json:"year"`
}

// Responsibility names the lead (牵头) and cooperating (配合) units of a section.
type Responsibility struct {
	Section   []string `json:"section"`
	Lead      []string `json:"lead"`
	Cooperate []string `json:"cooperate"`
}

// Targets are the indicators that are not candidates: what a saved plan
// holds. Candidates (unsure readings) are for the reviewer to accept.
func (d *Doc) Targets() []Indicator {
	out := make([]Indicator, 0, len(d.Indicators))
	for _, ind := range d.Indicators {
		if !ind.Candidate {
			out = append(out, ind)
		}
	}
	return out
}
