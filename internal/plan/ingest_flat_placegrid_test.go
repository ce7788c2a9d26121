package plan

import "testing"

// Tables of places by dated columns (wave 17, tune35-T), each a table of our
// own that main read wrong or not at all.
func TestFlatPlaceGrids(t *testing.T) {
	for _, c := range []struct {
		file, shape string
		read        []string
	}{
		{"placegrid.txt", "a table of places, each over rows of its kinds (甲类 | 乙类), by columns dated by the year each head opens with and counting in the unit its head gives in brackets, on a line of its own where the cell wrapped (2027年任务 / (万m2)): each place's year a target due its year, its total and what each resident has due theirs; what the last period built, a year before the plan starts and the population no targets; the kind's row lacks the population its place's row gave (merged down); a place's name wrapped over two lines (西岭 / 开发区)", []string{
			"东江镇 甲类 0.5万m2 @2027",
			"东江镇 甲类 0.5万m2 @2028",
			"东江镇 甲类 0.6万m2 @2029",
			"东江镇 甲类 3.2万m2 @2029",
			"东江镇 甲类 0.4m2 @2029",
			"东江镇 乙类 1万m2 @2027",
			"东江镇 乙类 1万m2 @2028",
			"东江镇 乙类 1万m2 @2029",
			"东江镇 乙类 4.1万m2 @2029",
			"东江镇 乙类 0.51m2 @2029",
			"西岭开发区 甲类 0.25万m2 @2027",
			"西岭开发区 甲类 0.25万m2 @2028",
			"西岭开发区 甲类 0.25万m2 @2029",
			"西岭开发区 甲类 1.25万m2 @2029",
			"西岭开发区 甲类 0.5m2 @2029",
			"西岭开发区 乙类 0.3万m2 @2027",
			"西岭开发区 乙类 0.3万m2 @2028",
			"西岭开发区 乙类 0.3万m2 @2029",
			"西岭开发区 乙类 1.3万m2 @2029",
			"西岭开发区 乙类 0.52m2 @2029",
			"总计 甲类 0.75万m2 @2027",
			"总计 甲类 0.75万m2 @2028",
			"总计 甲类 0.85万m2 @2029",
			"总计 甲类 4.45万m2 @2029",
			"总计 甲类 0.42m2 @2029",
			"总计 乙类 1.3万m2 @2027",
			"总计 乙类 1.3万m2 @2028",
			"总计 乙类 1.3万m2 @2029",
			"总计 乙类 5.4万m2 @2029",
			"总计 乙类 0.51m2 @2029",
		}},
		{"placegridgap.txt", "the same table without a column of the population: a kind's row short of a cell (乙类 under 东江镇, one of its years left out) proves no column its cells are in, so the table ends before it — no value moves into the next column", []string{
			"东江镇 甲类 0.5万m2 @2027",
			"东江镇 甲类 0.5万m2 @2028",
			"东江镇 甲类 0.6万m2 @2029",
			"东江镇 甲类 3.2万m2 @2029",
			"东江镇 甲类 0.4m2 @2029",
		}},
	} {
		checkFlatTable(t, c.file, c.shape, c.read)
	}
}
