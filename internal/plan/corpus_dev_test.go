package plan

import (
	"os"
	"strconv"
)

// retired reports whether the held-out set heldout<n> is development data:
// 2–21 (D144, D155), 22, 25 and 27 (D161). Every other held-out set is
// blind: no probe or trainer reads it.
func retired(n int) bool {
	return n >= 2 && n <= 22 || n == 25 || n == 27
}

// devCorpusDirs names the folders of the development data this machine
// has: the tune half of KEXIE_CORPUS ("tune"), KEXIE_EXTRA_CORPUS ("extra")
// and each retired held-out set KEXIE_HELDOUTn names; "" where unset.
func devCorpusDirs() map[string]string {
	dirs := map[string]string{"tune": os.Getenv("KEXIE_CORPUS"), "extra": os.Getenv("KEXIE_EXTRA_CORPUS")}
	for n := 2; n <= 27; n++ {
		if retired(n) {
			dirs["heldout"+strconv.Itoa(n)] = os.Getenv("KEXIE_HELDOUT" + strconv.Itoa(n))
		}
	}
	return dirs
}
