package plan

import "testing"

// TestLearnCombine: with two opinions (two model files), a target the
// rules assert is proposed only when both doubt it, and a candidate they
// propose is asserted only when both are sure of it (learnCombine, D124).
func TestLearnCombine(t *testing.T) {
	model := func(bias float32, bits uint) *learnModel {
		w := make([]float32, 1<<bits)
		w[feat("bias").slot()&(1<<bits-1)] = bias
		ms := readLearnModels([][]byte{writeLearnModel(w, learnSet{})})
		if len(ms) != 1 {
			t.Fatal("the model file does not read")
		}
		return ms[0]
	}
	doubt, sure := model(-20, 16), model(20, 18) // two tables of different sizes
	// asserted by the rules, and one no verb governs: proposed
	const text = "一、主要目标\n到2027年，全市培育100家专精特新企业。\n二、重点任务\n全市科普基地20个，覆盖各区。\n"
	read := func(ms ...*learnModel) (asserted, proposed int) {
		l := &learnDoc{model: ms[0], set: ms[0].set}
		for _, m := range ms[1:] {
			l.more = append(l.more, learnView{model: m})
		}
		doc, err := ingestText(text, l)
		if err != nil {
			t.Fatal(err)
		}
		for _, ind := range doc.Indicators {
			if ind.Candidate {
				proposed++
			} else {
				asserted++
			}
		}
		return asserted, proposed
	}
	plain, _ := ingestText(text, nil)
	rulesAsserted := 0
	for _, ind := range plain.Indicators {
		if !ind.Candidate {
			rulesAsserted++
		}
	}
	if rulesAsserted == 0 || rulesAsserted == len(plain.Indicators) {
		t.Fatalf("the rules assert %d of %d: the text must hold both kinds", rulesAsserted, len(plain.Indicators))
	}
	if a, p := read(doubt); a != 0 || p != len(plain.Indicators) {
		t.Errorf("one opinion that doubts everything: %d asserted, %d proposed; want all proposed", a, p)
	}
	if a, _ := read(sure); a != len(plain.Indicators) {
		t.Errorf("one opinion sure of everything: %d asserted of %d", a, len(plain.Indicators))
	}
	for _, order := range [][]*learnModel{{doubt, sure}, {sure, doubt}} {
		if a, _ := read(order...); a != rulesAsserted {
			t.Errorf("two opinions that disagree: %d asserted, want the rules' %d", a, rulesAsserted)
		}
	}
}
