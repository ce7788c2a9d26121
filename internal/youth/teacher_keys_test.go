package youth_test

import (
	"context"
	"slices"
	"sort"
	"testing"

	"kexie/internal/access"
	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/db/dbtest"
	"kexie/internal/org"
	"kexie/internal/youth"
)

// pinyinTeachers and pinyinSchools are names and schools in the order a
// Chinese office reads them: pinyin syllable by syllable, tone by tone (黎
// lí before 李 lǐ), the surnames' readings of 单 Shàn and 曾 Zēng and the
// place names' of 长 cháng, 重 chóng, 厦 xià. Teacher i teaches at school
// 7-i, so the two orders differ.
var (
	pinyinTeachers = []string{"安娜", "白雪", "陈晨", "黎明", "李明", "单田芳", "曾国藩", "张三"}
	pinyinSchools  = []string{"安徽师大附中", "北京四中", "长沙市第一中学", "重庆市第八中学", "攀枝花市第三中学", "西安中学", "厦门双十中学", "中山纪念中学"}
)

// TestTeacherKeys: youth migration 002 keys the teachers a database already
// holds, the triggers key every teacher registered or renamed after it,
// and the teachers list reads them by name and by school (either way
// round) in pinyin order — db.PinyinKey's byte order — page by page under
// its scope, with the total on every page, on both databases.
func TestTeacherKeys(t *testing.T) {
	ctx := context.Background()
	old := []db.Migrations{audit.Migrations(), org.Migrations(), dbtest.Before(t, youth.Migrations(), "002")}
	dbtest.Run(t, old, func(t *testing.T, d *db.DB) {
		f := setup(t, d)
		n := len(pinyinTeachers)
		add := func(o org.Org, name, school string) {
			t.Helper()
			must(t, func() error {
				_, err := f.s.RegisterTeacher(ctx, youth.TeacherInput{OrgID: o.ID, Name: name, School: school, Subject: "物理",
					RegionCode: "510402", Contact: "13800001111"}, clerk)
				return err
			}())
		}
		// Written in reverse, half before the migration, the rest after.
		for i := n - 1; i >= n/2; i-- {
			add(f.city, pinyinTeachers[i], pinyinSchools[n-1-i])
		}
		must(t, d.Migrate(ctx, sets...))
		dbtest.PinyinKeys(t, d, `SELECT name, name_key, school, school_key FROM youth_teachers`)
		for i := n/2 - 1; i >= 0; i-- {
			add(f.city, pinyinTeachers[i], pinyinSchools[n-1-i])
		}
		add(f.peer, "滁州老师", "滁州中学") // another city's, never in the city's list
		dbtest.PinyinKeys(t, d, `SELECT name, name_key, school, school_key FROM youth_teachers`)

		for _, want := range [][]string{pinyinTeachers, pinyinSchools} {
			byKey := slices.Clone(want)
			sort.Slice(byKey, func(i, j int) bool { return db.PinyinKey(byKey[i]) < db.PinyinKey(byKey[j]) })
			if !slices.Equal(byKey, want) {
				t.Fatalf("the expected order is not db.PinyinKey's\n got %q\nwant %q", byKey, want)
			}
		}
		read := func(sort string, col func(youth.Teacher) string, want []string) {
			t.Helper()
			var got []string
			for off := 0; off < len(want)+3; off += 3 {
				list, total, err := f.s.Teachers(ctx, youth.TeacherFilter{Scope: access.Subtrees(f.city.Path), Sort: sort, Limit: 3, Offset: off})
				if err != nil || total != len(want) {
					t.Fatalf("%s, offset %d: total %d, %v; want %d", sort, off, total, err, len(want))
				}
				for _, x := range list {
					if x.OrgID != f.city.ID {
						t.Errorf("%s of org %d in the city's list", x.Name, x.OrgID)
					}
					got = append(got, col(x))
				}
			}
			if !slices.Equal(got, want) {
				t.Errorf("teachers by %q\n got %q\nwant %q", sort, got, want)
			}
		}
		reversed := func(s []string) []string { c := slices.Clone(s); slices.Reverse(c); return c }
		name := func(x youth.Teacher) string { return x.Name }
		school := func(x youth.Teacher) string { return x.School }
		read("", name, pinyinTeachers)
		read("name", name, pinyinTeachers)
		read("-name", name, reversed(pinyinTeachers))
		read("school", school, pinyinSchools)
		read("school", name, reversed(pinyinTeachers)) // teacher i teaches at school n-1-i

		// A rename (no use case renames a teacher yet; the trigger must
		// still key both): 安娜 of 中山纪念中学 is now 郑安娜 of 阿坝中学.
		if _, err := d.Exec(ctx, `UPDATE youth_teachers SET name = ?, school = ? WHERE name = ?`, "郑安娜", "阿坝中学", "安娜"); err != nil {
			t.Fatal(err)
		}
		dbtest.PinyinKeys(t, d, `SELECT name, name_key, school, school_key FROM youth_teachers`)
		read("name", name, append(slices.Clone(pinyinTeachers[1:]), "郑安娜"))
		read("school", school, append([]string{"阿坝中学"}, pinyinSchools[:n-1]...))
	})
}
