package main

import (
	"bufio"
	"context"
	"database/sql"
	"encoding/csv"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/pprof"
	"time"

	"github.com/jackc/pgx/v5/stdlib"
	"github.com/xuri/excelize/v2"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/org"
	"kexie/internal/std"
)

// benchImport measures `kexie people import` against PostgreSQL's raw COPY
// of the same rows:
//
//	kexie bench import [--rows 1000000] [--db URL] [--copy-db postgres://…] [--xlsx=true]
//
// It writes a deterministic file of valid synthetic people, loads it with
// COPY … FROM STDIN (CSV) into an unindexed scratch table of text columns,
// then imports it into a fresh database (SQLite, or a scratch schema of
// --db) and prints rows/s for each and the ratio.
func benchImport(ctx context.Context, e *env, args []string) error {
	fs := e.flags("bench import")
	n := fs.Int("rows", 1_000_000, "people in the file")
	copyDB := fs.String("copy-db", "", "PostgreSQL for the raw COPY baseline (default: --db when it is PostgreSQL)")
	withXLSX := fs.Bool("xlsx", true, "also import the same rows as XLSX")
	keep := fs.String("dir", "", "keep the generated files in this directory")
	profile := fs.String("cpuprofile", "", "write a CPU profile of the CSV import to this file")
	if err := fs.Parse(args); err != nil {
		return err
	}
	benchProfile = *profile
	if *copyDB == "" && db.IsPostgres(e.cfg.DB) {
		*copyDB = e.cfg.DB
	}
	dir := *keep
	if dir == "" {
		d, err := os.MkdirTemp("", "kexie-bench-import")
		if err != nil {
			return err
		}
		defer os.RemoveAll(d)
		dir = d
	}
	// The discipline codes come from a migrated database's table.
	csvPath := filepath.Join(dir, fmt.Sprintf("people-%d.csv", *n))
	if _, err := os.Stat(csvPath); err != nil {
		start := time.Now()
		if err := writeBenchCSV(csvPath, *n); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "wrote %s in %s\n", csvPath, time.Since(start).Round(time.Millisecond))
	}
	st, _ := os.Stat(csvPath)
	fmt.Fprintf(e.stdout, "machine: %s, %d CPUs, %s; rows: %d; CSV %.0f MB\n", cpuModel(), runtime.NumCPU(), runtime.Version(),
		*n, float64(st.Size())/1e6)
	fmt.Fprintln(e.stdout, "| what | time | rows/s | of COPY |")
	fmt.Fprintln(e.stdout, "|---|---|---|---|")
	var copyRate float64
	if *copyDB != "" {
		d, err := benchCopy(ctx, *copyDB, csvPath)
		if err != nil {
			return fmt.Errorf("raw COPY: %w", err)
		}
		copyRate = float64(*n) / d.Seconds()
		fmt.Fprintf(e.stdout, "| raw PostgreSQL COPY (CSV, unindexed text table) | %s | %.0f | 100%% |\n", d.Round(time.Millisecond), copyRate)
	}
	row := func(what string, d time.Duration) {
		rate := float64(*n) / d.Seconds()
		ratio := "–"
		if copyRate > 0 {
			ratio = fmt.Sprintf("**%.1f%%**", 100*rate/copyRate)
		}
		fmt.Fprintf(e.stdout, "| %s | %s | %.0f | %s |\n", what, d.Round(time.Millisecond), rate, ratio)
	}
	d, floor, err := benchImportFile(ctx, e, csvPath, true)
	if err != nil {
		return err
	}
	dialect := "SQLite"
	if db.IsPostgres(e.cfg.DB) {
		dialect = "PostgreSQL"
	}
	row("kexie import, CSV, "+dialect, d)
	if floor > 0 {
		row("floor: INSERT … SELECT of the imported rows into a copy of people with its indexes and foreign key (server only)", floor)
		rate := float64(*n) / copyIndexed.Seconds()
		fmt.Fprintf(e.stdout, "| raw COPY of the same prepared rows into a copy of people (its indexes, foreign key and search column) | %s | %.0f | import at **%.0f%%** of it |\n",
			copyIndexed.Round(time.Millisecond), rate, 100*(float64(*n)/d.Seconds())/rate)
	}
	if *withXLSX {
		xlsxPath := filepath.Join(dir, fmt.Sprintf("people-%d.xlsx", *n))
		if _, err := os.Stat(xlsxPath); err != nil {
			start := time.Now()
			if err := writeBenchXLSX(csvPath, xlsxPath); err != nil {
				return err
			}
			fmt.Fprintf(e.stderr, "wrote %s in %s\n", xlsxPath, time.Since(start).Round(time.Millisecond))
		}
		d, _, err := benchImportFile(ctx, e, xlsxPath, false)
		if err != nil {
			return err
		}
		row("kexie import, XLSX, "+dialect, d)
	}
	return nil
}

// benchImportFile imports path into a fresh database and returns the time
// the import took. With floor on PostgreSQL it also times copying the
// imported rows, server-side, into an empty copy of the people table with
// all its indexes: what the database alone needs to store them.
func benchImportFile(ctx context.Context, e *env, path string, floor bool) (d, floorTime time.Duration, err error) {
	a, cleanup, err := scratchApp(ctx, e)
	if err != nil {
		return 0, 0, err
	}
	defer cleanup()
	ctx = audit.WithMeta(ctx, audit.Meta{ActorName: "cli:bench"})
	root, _, err := a.Orgs.EnsureRoot(ctx, "四川省科学技术协会", "KX51", org.TypeProvince)
	if err != nil {
		return 0, 0, err
	}
	f, err := os.Open(path)
	if err != nil {
		return 0, 0, err
	}
	defer f.Close()
	if benchProfile != "" {
		pf, err := os.Create(benchProfile)
		if err != nil {
			return 0, 0, err
		}
		if err := pprof.StartCPUProfile(pf); err != nil {
			return 0, 0, err
		}
		benchProfile = ""
		defer pf.Close()
		defer pprof.StopCPUProfile()
	}
	start := time.Now()
	res, err := a.People.Import(ctx, f, filepath.Base(path), root.ID, false)
	d = time.Since(start)
	if err != nil {
		return 0, 0, err
	}
	if len(res.Errors) > 0 {
		return 0, 0, fmt.Errorf("import refused the file: row %d %s %s", res.Errors[0].Row, res.Errors[0].Column, res.Errors[0].Code)
	}
	var count int
	if err := a.DB.QueryRow(ctx, `SELECT COUNT(*) FROM people`).Scan(&count); err != nil {
		return 0, 0, err
	}
	if res.Created != count {
		return 0, 0, fmt.Errorf("import created %d, table holds %d", res.Created, count)
	}
	if floor && a.DB.Dialect() == db.Postgres {
		cols := `id, org_id, name, gender, birth_year, id_enc, id_index, id_masked, phone_enc, phone_index, phone_masked, email,
			employer, title_level, title, education, degree, discipline, disciplines2, expertise, region_code, categories, search_text,
			created_at, updated_at`
		if _, err := a.DB.Exec(ctx, `CREATE TABLE people_floor (LIKE people INCLUDING ALL,
			FOREIGN KEY (org_id) REFERENCES orgs (id))`); err != nil {
			return 0, 0, err
		}
		start := time.Now()
		if _, err := a.DB.Exec(ctx, `INSERT INTO people_floor (`+cols+`) SELECT `+cols+` FROM people`); err != nil {
			return 0, 0, err
		}
		floorTime = time.Since(start)
		// Raw COPY of the same, already prepared rows into the register's own
		// table shape (its indexes and generated search column).
		if copyIndexed, err = benchCopyIndexed(ctx, a.Cfg.DB, cols); err != nil {
			return 0, 0, fmt.Errorf("COPY into people: %w", err)
		}
	}
	return d, floorTime, nil
}

// copyIndexed is the time of the last benchCopyIndexed.
var copyIndexed time.Duration

// benchCopyIndexed writes the imported people out with COPY TO and times
// COPY FROM of that file into an empty copy of people with all its indexes and its foreign key: the same rows into the same table.
func benchCopyIndexed(ctx context.Context, dsn, cols string) (time.Duration, error) {
	pool, err := sql.Open("pgx", dsn)
	if err != nil {
		return 0, err
	}
	defer pool.Close()
	if _, err := pool.ExecContext(ctx, `CREATE TABLE people_copy (LIKE people INCLUDING ALL,
		FOREIGN KEY (org_id) REFERENCES orgs (id))`); err != nil {
		return 0, err
	}
	conn, err := pool.Conn(ctx)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	tmp, err := os.CreateTemp("", "kexie-people-*.csv")
	if err != nil {
		return 0, err
	}
	defer os.Remove(tmp.Name())
	defer tmp.Close()
	var d time.Duration
	err = conn.Raw(func(dc any) error {
		pc := dc.(*stdlib.Conn).Conn().PgConn()
		w := bufio.NewWriterSize(tmp, 1<<20)
		if _, err := pc.CopyTo(ctx, w, `COPY people (`+cols+`) TO STDOUT (FORMAT csv)`); err != nil {
			return err
		}
		if err := w.Flush(); err != nil {
			return err
		}
		if _, err := tmp.Seek(0, 0); err != nil {
			return err
		}
		start := time.Now()
		_, err := pc.CopyFrom(ctx, bufio.NewReaderSize(tmp, 1<<20), `COPY people_copy (`+cols+`) FROM STDIN (FORMAT csv)`)
		d = time.Since(start)
		return err
	})
	return d, err
}

// benchCopy loads the CSV with COPY into an unindexed scratch table of the
// file's columns and returns the time COPY took.
func benchCopy(ctx context.Context, dsn, path string) (time.Duration, error) {
	scratch, drop, err := scratchSchema(ctx, dsn)
	if err != nil {
		return 0, err
	}
	defer drop()
	pool, err := sql.Open("pgx", scratch)
	if err != nil {
		return 0, err
	}
	defer pool.Close()
	if _, err := pool.ExecContext(ctx, `CREATE TABLE raw_people (name TEXT, gender TEXT, id_number TEXT, phone TEXT, email TEXT,
		employer TEXT, title TEXT, title_level TEXT, education TEXT, degree TEXT, discipline TEXT, expertise TEXT,
		region_code TEXT, categories TEXT)`); err != nil {
		return 0, err
	}
	conn, err := pool.Conn(ctx)
	if err != nil {
		return 0, err
	}
	defer conn.Close()
	f, err := os.Open(path)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	start := time.Now()
	err = conn.Raw(func(dc any) error {
		pc := dc.(*stdlib.Conn).Conn().PgConn()
		_, err := pc.CopyFrom(ctx, bufio.NewReaderSize(f, 1<<20), `COPY raw_people FROM STDIN (FORMAT csv, HEADER true)`)
		return err
	})
	return time.Since(start), err
}

// benchProfile names the CPU profile of the next import, if any.
var benchProfile string

// benchHeader is the import template's header, every column.
var benchHeader = []string{"姓名", "性别", "身份证号", "手机号", "电子邮箱", "工作单位", "职称", "职称级别", "学历", "学位",
	"学科代码", "研究方向", "地区代码", "人才类别"}

// writeBenchCSV writes n valid, distinct synthetic people. Row i is a pure
// function of i, so every run reads the same file.
func writeBenchCSV(path string, n int) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer f.Close()
	bw := bufio.NewWriterSize(f, 1<<20)
	w := csv.NewWriter(bw)
	if err := w.Write(benchHeader); err != nil {
		return err
	}
	surnames := []rune("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢")
	given := []rune("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏飞宇浩然思远晓峰建国志强海燕丹")
	counties := []string{"510104", "510105", "510106", "510107", "510108", "510112", "510113", "510114", "510115", "510402",
		"510403", "510411", "510421", "510422", "510502", "510503", "510504", "510521", "510603", "510604"}
	for _, c := range counties {
		if !std.Regions().ValidCode(c) {
			return fmt.Errorf("bench: region %s unknown", c)
		}
	}
	kinds := []string{"第一人民医院", "中医医院", "农业科学研究院", "职业技术学院", "第一中学", "工业园区管委会", "农业技术推广中心",
		"疾病预防控制中心", "气象局", "水文站", "林业科学研究所", "科技馆"}
	expertise := []string{"钒钛磁铁矿综合利用", "高炉渣提钛", "人工智能", "大数据分析", "智慧农业", "中药材种植", "生猪养殖", "水稻育种",
		"茶叶加工", "地质灾害防治", "生态修复", "大气污染防治", "新能源汽车", "锂电池材料", "集成电路设计", "卫星导航", "科普传播"}
	titles := []struct{ name, level string }{{"研究员", "正高级"}, {"教授", "正高级"}, {"副研究员", "副高级"}, {"高级工程师", "副高级"},
		{"工程师", "中级"}, {"讲师", "中级"}, {"助理工程师", "初级"}, {"", ""}}
	edus := [][2]string{{"研究生", "博士"}, {"研究生", "硕士"}, {"大学本科", "学士"}, {"大专", ""}}
	disciplines := []string{"", "520", "52010", "413", "41310", "320", "590"}
	cats := []string{"", "", "青年科技人才", "高层次人才", "评审专家", "科学传播专家"}
	base := time.Date(1965, 1, 1, 0, 0, 0, 0, time.UTC)
	rec := make([]string, len(benchHeader))
	for i := 0; i < n; i++ {
		h := uint64(i)*0x9e3779b97f4a7c15 + 12345
		pick := func(k int) int { h ^= h >> 29; h *= 0xbf58476d1ce4e5b9; return int(h>>33) % k }
		county := counties[i%len(counties)]
		j := i / len(counties)
		birth := base.AddDate(0, 0, j/1000)
		first := fmt.Sprintf("%s%s%03d", county, birth.Format("20060102"), j%1000)
		id := first + string(std.CitizenIDCheckDigit(first))
		name := string(surnames[pick(len(surnames))]) + string(given[pick(len(given))])
		if pick(2) == 0 {
			name += string(given[pick(len(given))])
		}
		t := titles[pick(len(titles))]
		ed := edus[pick(len(edus))]
		ex := expertise[pick(len(expertise))]
		if pick(3) == 0 {
			ex += "、" + expertise[pick(len(expertise))]
		}
		email := ""
		if pick(4) == 0 {
			email = fmt.Sprintf("u%d@example.cn", i)
		}
		rec[0], rec[1], rec[2] = name, "", id
		rec[3], rec[4] = fmt.Sprintf("1%d%09d", 3+pick(7), (uint64(i)*7919)%1_000_000_000), email
		rec[5], rec[6], rec[7] = "成都市"+kinds[pick(len(kinds))], t.name, t.level
		rec[8], rec[9], rec[10], rec[11] = ed[0], ed[1], disciplines[pick(len(disciplines))], ex
		rec[12], rec[13] = county, cats[pick(len(cats))]
		if err := w.Write(rec); err != nil {
			return err
		}
	}
	w.Flush()
	if err := w.Error(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return f.Close()
}

// writeBenchXLSX writes the rows of the CSV as an XLSX file, streamed.
func writeBenchXLSX(csvPath, xlsxPath string) error {
	in, err := os.Open(csvPath)
	if err != nil {
		return err
	}
	defer in.Close()
	r := csv.NewReader(bufio.NewReaderSize(in, 1<<20))
	r.ReuseRecord = true
	x := excelize.NewFile()
	defer x.Close()
	sw, err := x.NewStreamWriter("Sheet1")
	if err != nil {
		return err
	}
	cells := make([]any, len(benchHeader))
	for line := 1; ; line++ {
		rec, err := r.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			return err
		}
		for i, v := range rec {
			cells[i] = v
		}
		cell, _ := excelize.CoordinatesToCellName(1, line)
		if err := sw.SetRow(cell, cells); err != nil {
			return err
		}
	}
	if err := sw.Flush(); err != nil {
		return err
	}
	return x.SaveAs(xlsxPath)
}
