package std

import (
	"crypto/sha256"
	"encoding/hex"
	"testing"
)

// The embedded GB/T 13745-2009 table is the one gen/disciplines writes
// from the recorded source; a changed file must change this test and the
// README beside the generator together.
func TestDisciplineTable(t *testing.T) {
	sum := sha256.Sum256([]byte(disciplinesData()))
	if got := hex.EncodeToString(sum[:]); got != "a87b7da6b76e081f1b29d7fdcef95fbf18c3141ba606b1478d2b61d423bdd0ca" {
		t.Fatalf("disciplines.csv SHA-256 = %s: regenerate it with gen/disciplines and record the change", got)
	}
	all := Disciplines()
	var counts [4]int
	by := map[string]DisciplineEntry{}
	for _, d := range all {
		counts[d.Level]++
		by[d.Code] = d
	}
	if counts != [4]int{0, 62, 740, 2750} {
		t.Fatalf("levels hold %v", counts[1:])
	}
	for code, name := range map[string]string{"110": "数学", "1101410": "演绎逻辑学", "430": "材料科学", "43070": "纳米材料",
		"850": "民族学与文化学", "8501010": "民族问题与民族政策", "84074": "劳动科学", "8407445": "职业安全卫生科学技术", "520": "计算机科学技术", "91099": "统计学其他学科"} {
		if by[code].Name != name {
			t.Errorf("%s = %q, want %q", code, by[code].Name, name)
		}
	}
	for _, d := range all {
		if d.Level > 1 {
			if _, ok := by[d.Parent]; !ok {
				t.Errorf("%s has no parent %s", d.Code, d.Parent)
			}
		}
	}
	if by["1903510"].Parent != "19030" {
		t.Errorf("1903510's parent = %q, want 19030 as printed", by["1903510"].Parent)
	}
}
