package plan

import (
	"sort"
	"strings"
)

// The learned second opinion on each quantity of a sentence (issue 16,
// docs/decisions.md "a learned second opinion"): every quantity the
// sentence grammar reads is described by hashed features
// (indicator_learn_features.go) that do not depend on what the named rules
// decided — its shape, the characters around it in its clause, the cue
// words of its sentence, the titles of its sections, its deadline and the
// line's context — and a logistic model (indicator_learn_model.go) scores
// how likely it is a target. The model holds weights of hashed features
// only, never document text.

// learnBits is the size of the hashed feature table the trainer fits by
// default: 2^16 weights. A model file names its own size (up to
// learnMaxBits); features are hashed to 32 bits and each model folds them
// into its table.
const (
	learnBits    = 16
	learnMaxBits = 24
)

// learnSet is the feature set a model was trained with, written in its
// file: the groups of features left out (off) and the shape groups added
// (on, indicator_learn_shape.go). The zero set is D96's features.
type learnSet struct {
	off, on map[string]bool
}

// learnDocWords are the groups that describe a document's words or place
// rather than the quantity's shape — the bigrams of its sections' titles
// (t) and of its clause (cb, cf), the three characters before and after it
// (b123, a123), the character before it with its unit (b1u), the unit as
// written (U), the sentence's length (slen), where in the document it
// stands (docpos). Left out, the model carries better to kinds of document
// it has not seen (learn3, docs/benchmarks.md "on kinds of document it has
// not seen").
const learnDocWords = "t,cb,cf,b123,a123,docpos,b1u,U,slen"

// groups is the set of the comma-separated names in s.
func groups(s string) map[string]bool {
	m := map[string]bool{}
	for _, g := range strings.Split(s, ",") {
		if g != "" {
			m[g] = true
		}
	}
	return m
}

// String is the set as its file writes it: "off=…;on=…", names sorted.
func (s learnSet) String() string {
	names := func(m map[string]bool) string {
		var out []string
		for g, ok := range m {
			if ok {
				out = append(out, g)
			}
		}
		sort.Strings(out)
		return strings.Join(out, ",")
	}
	return "off=" + names(s.off) + ";on=" + names(s.on)
}

// learnGroups are the groups of features that can be left out (the tags of
// quantityFeatures, sentenceFeatures and docFeatures), learnShapeGroups
// those that can be added (shapeFeatures).
var (
	learnGroups = groups("bias,u,U,cmp,cmpu,cn,range,implied,unsure,mult,mag,magu,raw,decimal,round,yearlike,per,sentper," +
		"b1,b2,b12,b123,b1u,cw,ca,a1,a12,a123,ua1,cb,cf,firstclause,clausemark,clen,dl,w,f,t,slen,docpos")
	learnShapeGroups = groups("uclass,verb,cell,nb,cnmag,depth,skind")
)

// parseLearnSet reads what String writes; a group this program does not
// know makes it no set (a model it would read with other features).
func parseLearnSet(s string) (learnSet, bool) {
	off, on, ok := strings.Cut(s, ";")
	if !ok || !strings.HasPrefix(off, "off=") || !strings.HasPrefix(on, "on=") {
		return learnSet{}, false
	}
	set := learnSet{off: groups(off[4:]), on: groups(on[3:])}
	for g := range set.off {
		if !learnGroups[g] {
			return learnSet{}, false
		}
	}
	for g := range set.on {
		if !learnShapeGroups[g] {
			return learnSet{}, false
		}
	}
	return set, true
}

// fhash is a feature's name being hashed (FNV-1a, 32 bits).
type fhash uint32

func feat(tag string) fhash { return fhash(2166136261).str(tag) }

func (h fhash) str(s string) fhash {
	for i := 0; i < len(s); i++ {
		h = (h ^ fhash(s[i])) * 16777619
	}
	return (h ^ 0xff) * 16777619 // a separator: "ab"+"c" is not "a"+"bc"
}

func (h fhash) rune(r rune) fhash {
	for k := 0; k < 4; k++ {
		h = (h ^ fhash(byte(r>>(8*k)))) * 16777619
	}
	return h
}

func (h fhash) num(n int) fhash { return h.rune(rune(n)) }

// slot is the feature's hash, which a model of 2^b weights reads at its
// low b bits.
func (h fhash) slot() uint32 { return uint32(h ^ h>>16) }

// learnQuantity is one quantity as the learned model sees it: where it
// stands, what the rules decided (asserted, proposed, or the name of the
// rule that dropped it), its reading (for a dropped one, what target would
// have read), its features and, once scored, the model's probability.
type learnQuantity struct {
	Start, End int
	Decision   string
	Reading    Indicator
	Feats      []uint32
	Score      float64
	out        int  // its index in the sentence's targets, or -1
	reported   bool // its section, its sentence's words or years, or the document speak of the past; or (D103) it is a forecast or quotes another document
	clausePast bool // its clause says what was done, or measures against last year (pastClause)
	verb       bool // when recording: its clause up to the number holds a verb of the grammar's class (the trainer's strongShape)
	listed     bool // it follows the sentence's previous quantity across a bare 、: the next value of a list sharing its verb (listedAfter)
	held       bool // an event the plan holds each period (每年举办一次…: heldEachPeriod)
	leastTime  bool // a least time each day or week (每天…不低于2小时: leastTimeEach)
	oneEach    bool // one for each unit named with 每个 (每个省建好1所…: oneForEachUnit)
	floorEach  bool // a least count each place named with 各 must reach (各区县至少建立1支…: floorForEachPlace)
}

// Decisions of the rules, besides the names of the rules that drop.
const (
	decAsserted = "asserted"
	decProposed = "proposed"
)
