package plan

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// Tables of the layouts heldout17–21 held (wave 16, tune34-T), each a table
// of our own that main read wrong or not at all.
func TestFlatTablesWave16(t *testing.T) {
	for _, c := range []struct {
		file, shape string
		read        []string
	}{
		{"nearterm.txt", "a header whose value columns are dated by years in brackets on lines of their own (现状 | 近期规划 over （2025年） | （2030年）), under a title of them (指标值), with 类型 for 属性, a density in 千米/平方千米: where things stand, then the targets due 2030", []string{
			"建设用地总规模 5360公顷 @2030 base 5370/2025 约束性",
			"养老床位数占老年人口比例 2.5% @2030 约束性",
			"国际文化节庆数量 5个 @2030 base 4/2025 预期性",
			"滨水步道长度 24千米 @2030 base 21/2025 预期性",
			"道路网密度 6.2千米/平方千米 @2030 base 5.8/2025 约束性",
		}},
		{"wrapcells.txt", "cells a page's width broke or annotated: a value with its unit on the next line (20.5 / 平方公里), a value of another year in brackets a note explains ((84.5％), no target, its column kept), a value with what it leaves out in brackets (≥96％（不含危废）)", []string{
			"河湖水面积 21.3平方公里 @2025 base 20.5/2020 约束性",
			"河湖水面积 23.4平方公里 @2035 base 20.5/2020 约束性",
			"镇管河道优良水体比例 100% @2025 预期性",
			"镇管河道优良水体比例 100% @2035 预期性",
			"污泥资源化利用率 >=96% @2025 预期性",
			"污泥资源化利用率 100% @2035 预期性",
		}},
		{"unitdash.txt", "a unit cell left empty (/) right after a row's label keeps the row's cells in their columns; 2025年基准 is where things stand; the note under the table (注：…相当于原口径的52.5%) is proposed, not asserted", []string{
			"公园数量 1600座 @2030 base 1100/2025 预期性",
			"城市生物多样性指数（鸟类） 0.7 @2030 base 0.6/2025 预期性",
			"生活垃圾回收利用率 50% @2030 base 45.3/2025 约束性",
			"相当于原口径的 52.5% @2030 (proposed)",
		}},
		{"regioncounts.txt", "a table of places whose second column counts without a unit (新增示范工程), right before a first row that has one value a column: each cell a count due the plan's end", []string{
			"东江区 range5-10兆瓦 @2030",
			"东江区 3 @2030",
			"西岭区 12兆瓦 @2030",
			"西岭区 4 @2030",
			"南湖区 8兆瓦 @2030",
			"南湖区 2 @2030",
		}},
		{"regioncountsgap.txt", "the same with the first row's count left out: the first row does not prove the word a column, so the header ends before it as it did (the rows after do not fit and read nothing)", []string{
			"新增示范工程东江区 range5-10兆瓦 @2030",
		}},
		{"wordcells2.txt", "a row's label longer than a cell and with a comma (…标准，其他地区…) right after its number and before its unit cell is the label, not the table's end; a target cell of words after a dash keeps the row", []string{
			"新建建筑的绿色建筑达标率（重点地区的公共建筑按绿色建筑二星及以上标准，其他地区的建筑按绿色建筑一星及以上标准） 100% @2030 base 90/2025 约束性",
			"研发平台数量 18个 @2030 预期性",
		}},
		{"partrows.txt", "a row of a part (其中 口袋公园) under its row, with no unit cell: the unit of the row above; a unit cell with its alternative in brackets (条（段）): the first, as 7万套（间） reads, and a unit, not the next row's label", []string{
			"新建绿地 40万平方米 @2030 base 80.5/2025 约束性",
			"其中 口袋公园 8.5万平方米 @2030 base 12.6/2025 约束性",
			"公园数量 60座 @2030 base 45/2025 预期性",
			"“美丽街区”建设 12条 @2030 base 30/2025 预期性",
		}},
		{"aimcontent.txt", "a table pasted one cell a line with no 序号 whose names are headed 具体目标内容 (what each row aims at) beside 目标类别 and 目标值（%）: the names, not a column of targets", []string{
			"新建民用建筑执行绿色建筑标准比例 100% @2030 预期性",
			"新建公共建筑执行二星级绿色建筑标准比例 90% @2030 预期性",
			"公共机构办公建筑碳排放下降率 4% @2030 预期性",
		}},
	} {
		checkFlatTable(t, c.file, c.shape, c.read)
	}
}

// A unit of its own that opens with 千 (千米, 千瓦) is no thousand of another
// in a table's cell: regions.txt with its amounts in 千瓦 reads 5-10 of 千瓦,
// as a sentence does, not of 瓦 × 1000 (which no label in 千瓦 matched).
func TestTableUnitOfThousands(t *testing.T) {
	text := strings.ReplaceAll(readFlat(t, "regions.txt"), "兆瓦", "千瓦")
	doc, _ := Ingest(strings.NewReader(text))
	n := 0
	for _, ind := range doc.Indicators {
		if ind.Unit != "千瓦" {
			continue
		}
		n++
		if ind.BaseUnit != "千瓦" || ind.Multiplier != 1 {
			t.Errorf("%s: base unit %q × %g, want 千瓦 × 1", flatReading(ind), ind.BaseUnit, ind.Multiplier)
		}
	}
	if n != 3 {
		t.Errorf("%d amounts in 千瓦 read, want 3", n)
	}
}

func readFlat(t *testing.T, file string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "flat", file))
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

// An indicator table whose target cells are sometimes words around a figure
// (力争完成900亿元左右, 每年新增20家优质服务机构): such a cell keeps its row's
// place, and what a sentence reads in it stays where the table's reading
// replaces the rest (before, the table's reading dropped them). The
// sentence's metric is its own (and differs with CRLF line ends): the
// values, units and deadlines are compared.
func TestFlatWordCells(t *testing.T) {
	want := []string{"~900亿元 @2030", "120家 @2030", "20家 @2030", "85% @2030", "60家 @2030", ">=70% @2030"}
	text := readFlat(t, "wordcells.txt")
	for _, text := range []string{text, strings.ReplaceAll(text, "\n", "\r\n")} {
		doc, _ := Ingest(strings.NewReader(text))
		var read []string
		for _, ind := range doc.Indicators {
			r := flatReading(ind)
			r = strings.TrimSpace(strings.TrimSuffix(strings.TrimSuffix(r, " 预期性"), " 约束性"))
			read = append(read, r[strings.LastIndex(r[:strings.LastIndex(r, " @")], " ")+1:])
		}
		if strings.Join(read, "; ") != strings.Join(want, "; ") {
			t.Errorf("read %s, want %s", strings.Join(read, "; "), strings.Join(want, "; "))
		}
	}
}

// A target cell of words (2028年60%，2029年进一步优化布局) followed by the next
// row's category cell, then its number, keeps its row's place, and what a
// sentence reads in it (60% due 2028) stays — with CRLF line ends too
// (before lineEnds, D160, the CR left in the joined cells made the sentence
// reader take the cells before it into that sentence and date it by the
// plan's end).
func TestFlatWordCellBeforeCategory(t *testing.T) {
	text := readFlat(t, "wordcells3.txt")
	for k, text := range []string{text, strings.ReplaceAll(text, "\n", "\r\n")} {
		doc, _ := Ingest(strings.NewReader(text))
		var read []string
		for _, ind := range doc.Indicators {
			read = append(read, flatReading(ind))
		}
		got := strings.Join(read, "; ")
		want := "片区更新数量 3个 @2030 预期性; 楼宇更新数量 20个 @2030 预期性; 2028年 60% @2028; 新增绿化面积 6万平方米 @2030 约束性; 口袋公园数量 12座 @2030 预期性"
		if got != want {
			t.Errorf("line ends %d: read %s\nwant %s", k, got, want)
		}
	}
}
