package society_test

import (
	"testing"

	"kexie/internal/society"
)

func TestUpperYuan(t *testing.T) {
	for _, c := range []struct {
		cents int64
		want  string
	}{
		{0, "零元整"}, {12000, "壹佰贰拾元整"}, {100100, "壹仟零壹元整"}, {1000100, "壹万零壹元整"},
		{10000000, "壹拾万元整"}, {100000000, "壹佰万元整"}, {5050, "伍拾元伍角整"}, {5005, "伍拾元零伍分"},
		{123456789, "壹佰贰拾叁万肆仟伍佰陆拾柒元捌角玖分"}, {10000000000, "壹亿元整"},
	} {
		if got := society.UpperYuan(c.cents); got != c.want {
			t.Errorf("UpperYuan(%d) = %s, want %s", c.cents, got, c.want)
		}
	}
}
