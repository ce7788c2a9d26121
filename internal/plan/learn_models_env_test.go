package plan

import (
	"os"
	"strings"
)

// KEXIE_LEARN_MODELS (a tool for comparing models on the corpora, D124)
// names model files, comma-separated, that the tests read in place of the
// embedded ones.
func init() {
	s := os.Getenv("KEXIE_LEARN_MODELS")
	if s == "" {
		return
	}
	var files [][]byte
	for _, f := range strings.Split(s, ",") {
		b, err := os.ReadFile(f)
		if err != nil {
			panic("KEXIE_LEARN_MODELS: " + err.Error())
		}
		files = append(files, b)
	}
	learnOnce.Do(func() { learnLoaded = readLearnModels(files) })
	if len(learnLoaded) != len(files) {
		panic("KEXIE_LEARN_MODELS: a file is not a model")
	}
}
