package plan

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Tables of the layouts heldout23, 24, 26 and 28 held (wave 18, tune36-T),
// each a table of our own that main read wrong or not at all.
func TestFlatTablesWave18(t *testing.T) {
	for _, c := range []struct {
		file, shape string
		read        []string
	}{
		{"unitcounters.txt", "a column of units headed 指标单位 (a 单位 column named for the indicators, no column of their names), its cells measure words (处, 个, 人): each value in its row's unit", []string{
			"设施建设科普场馆建筑面积 3万平方米 @2025 约束性",
			"科普示范基地 4处 @2025 预期性",
			"科普队伍科普志愿服务组织 >=3个 @2025 预期性",
			"新增科普讲解员 >=50人 @2025 预期性",
		}},
		{"datedindicators.txt", "values headed by the year they are due and 指标 (2025年指标 | 2035年指标), then a column of notes (指标说明与指引) that are sentences or left out; a value cell that says only which way the value goes (显著提升, 降低): each value due its column's year", []string{
			"科普场馆覆盖率 >=58% @2025",
			"科普场馆覆盖率 >=60% @2035",
			"人均科普场馆面积 0.5平方米 @2025",
			"人均科普场馆面积 0.8平方米 @2035",
			"科普场馆数量 100座 @2025",
			"科普场馆数量 200座 @2035",
			"科普讲解活动实施率 90% @2035",
			"科普设施闲置率 <=5% @2035",
		}},
		{"cellforms.txt", "cells a page's width or a plan's habits shaped: a unit cell broken over two lines (万平 / 方米, 人/ / 亿元), a value a year (每年120), a unit a year (万平方米/年): each in its unit, the yearly ones a year", []string{
			"科普场馆接待人次 120万人次 @2030 预期性",
			"新增科普场馆建筑面积 16万平方米 @2030 预期性",
			"科普活动安全事故率 <=0.02人/亿元 @2030 base 0.03/2025 约束性",
			"科普长廊建设量 2万平方米 @2030 base 1/2025 预期性",
			"科普经费占财政支出比例 >=0.5% @2030 base 0.4/2025 预期性",
		}},
		{"unreadrow.txt", "a row whose cells fit no column (a share said over four lines with what it covers: 基本实现免费开放、 / 延长开放 / 50%以上科普场馆 / 全时段开放) between rows read: what a sentence read in it stays (the table read no part of it), the rows around it read as a table", []string{
			"科普场馆数量 100座 @2025",
			"科普场馆数量 200座 @2035",
			"科普场馆全时段开放率基本实现免费开放、延长开放科普场馆全时段 >=50% @2025",
			"科普讲解员数量 500名 @2025",
			"科普讲解员数量 800名 @2035",
		}},
	} {
		checkFlatTable(t, c.file, c.shape, c.read)
	}
}

// TestFlatCellsAYear: of cellforms.txt's values, 每年120 and the one in
// 万平方米/年 are a year's; the others are not.
func TestFlatCellsAYear(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "flat", "cellforms.txt"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Ingest(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	var per []string
	for _, ind := range doc.Indicators {
		p := "-"
		if ind.Per != nil {
			p = *ind.Per
		}
		per = append(per, p)
	}
	if got, want := strings.Join(per, " "), "year - - year -"; got != want {
		t.Errorf("per: got %q, want %q", got, want)
	}
}

// TestYearCells: a table of tasks pasted one cell a line, each task's
// figures under their milestones (节点 | 指标数: 2026年 / 67个): each figure
// alone in its cell, or one of two a slash parts (2.4万户/68个), is due the
// year in the cell above it; main dated them all by the plan's end.
func TestYearCells(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "flat", "milestones.txt"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := Ingest(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, ind := range doc.Indicators {
		got = append(got, flatReading(ind))
	}
	want := []string{"2.4万户 @2026", "68个 @2026", "2.6万户 @2027", "73个 @2027", "67个 @2026", "168个 @2027", "269个 @2028", "12辆 @2026"}
	for k := range got {
		if _, r, ok := strings.Cut(got[k], " "); ok && strings.ContainsRune(got[k], '@') {
			got[k] = r // (the metric aside: what a sentence's reader named it)
		}
	}
	if strings.Join(got, " | ") != strings.Join(want, " | ") {
		t.Errorf("got  %q\nwant %q", got, want)
	}
}
