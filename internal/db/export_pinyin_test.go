package db

// PinyinChars lists every character of the pinyin table, for the test that
// both databases compute the same keys.
func PinyinChars() []rune {
	t, err := pinyinTable()
	if err != nil {
		panic(err)
	}
	out := make([]rune, 0, len(t))
	for r := range t {
		out = append(out, r)
	}
	return out
}
