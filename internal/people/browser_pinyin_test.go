package people_test

import (
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"kexie/internal/access"
	"kexie/internal/web/webtest"
)

// pickerPage signs a staff member of the city in and opens the person
// form.
func pickerPage(t *testing.T, ps peopleSite) *webtest.Tab {
	ps.CreateUser(t, "clerk", access.OrgStaff, ps.City)
	b := ps.Tab(t, 20*time.Second)
	b.Login("clerk")
	b.Run("person form", chromedp.Navigate(ps.URL+"/people/new"), chromedp.WaitVisible(chromedp.CSS(`input[name=name]`)))
	return b
}

// The discipline picker (TestBrowserDisciplinePicker) also finds entries
// by pinyin initials, in either case, and a pick fills in the code.
func TestBrowserDisciplinePickerPinyin(t *testing.T) {
	eachDB(t, func(t *testing.T, ps peopleSite) {
		loadWebDisciplines(t, ps.People)
		b := pickerPage(t, ps)
		if list := b.Suggest("discipline", "XXDS", "1101410"); !strings.Contains(list, "数学 › 代数学 › 线性代数") || strings.Contains(list, "几何学") {
			t.Errorf("suggestions for XXDS: %q", list)
		}
		b.Pick("discipline", "1101410", "1101410")
		b.Clear("discipline")
		b.Suggest("discipline", "jhx", "11021")
		b.Pick("discipline", "", "11021")
	})
}
