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

// A 纲要's indicator tables pasted one cell a line (wave 17, tune35-T),
// each a table of our own that main read wrong or not at all.
func TestFlatIndicatorCells(t *testing.T) {
	for _, c := range []struct {
		file, shape string
		read        []string
	}{
		{"indicatorwords.txt", "a 纲要's indicator table (序号 | 类别 | 指标内容 | 单位 | 属性 | 目标值): a target cell that opens with what is striven for or summed (力争6以上, 累计3000), or sets 达到 and 累计完成 apart by a space (累计完成 2800), is its value; 1.5万 in a row of 亿元 is 1.5万亿元 (1.8亿 in a row of 万元 stays the cell's); a category's cell wrapped before its word 指标 (经济发展 / 指标) or one naming indicators after the row's number (6 | 创新驱动指标) is no other table's header", []string{
			"经济发展指标地区生产总值年均增长率 >=6% @2030 预期性",
			"固定资产投资总额 2800亿元 @2030 预期性",
			"工业总产值 2600亿元 @2030 预期性",
			"重点产业规模 1.5万亿元 @2030 预期性",
			"创新驱动指标高新技术企业数量 3000家 @2030 预期性",
			"研发经费支出相当于地区生产总值的比例 >=4.5% @2030 预期性",
			"民生保障指标养老床位数 >=9000张 @2030 约束性",
			"社会消费品零售总额 1.8亿 @2030 预期性",
		}},
		{"yearsnote.txt", "an indicator table whose values note in brackets the years they are of or compare ((2021年-2025年) on a line of its own under a value where the cell wrapped; 力争达到18左右（2030年较2025年下降）): the note is no cell and no part of the value, and the rows keep their columns", []string{
			"建设用地总规模 <=1850平方公里 @2030 base 1820/2025 约束性",
			"年均土地供应规模 range20-25平方公里 @2030 base 24/2025 预期性",
			"年均低效用地减量化规模 ~6平方公里 @2030 base 8.4/2025 预期性",
			"单位GDP建设用地下降率 ~18% @2030 base 22/2025 预期性",
		}},
	} {
		checkFlatTable(t, c.file, c.shape, c.read)
	}
}

// A year's tasks by place and by month (wave 17, tune35-T): tables of our own.
func TestFlatPlaceMonths(t *testing.T) {
	for _, c := range []struct {
		file, shape string
		read        []string
	}{
		{"placemonths.txt", "a year's tasks by place and month under a unit given at the end of a line above the table (制表日期：… 单位：亩): numbered rows of places, the year's task (2027年 / 任务量, its cell wrapped), how much is done by each month (4月底前完成30% …) and a part (其中A类整治任务量), each due the year; the head over the months that holds the year's total (2027年度任务量约260亩) no column, what a sentence read in it kept, what it read in the months' heads (30%) dropped; the first row's cell of words (完成排查、建立台账。) merged down over the rows below, which lack it", []string{
			"亩序号街镇2027年任务量2027年度任务量 ~260亩 @2027",
			"东江镇 100亩 @2027",
			"东江镇 30亩 @2027",
			"东江镇 70亩 @2027",
			"东江镇 100亩 @2027",
			"东江镇 40亩 @2027",
			"西岭镇 120亩 @2027",
			"西岭镇 36亩 @2027",
			"西岭镇 84亩 @2027",
			"西岭镇 120亩 @2027",
			"西岭镇 50亩 @2027",
			"南湖街道 40亩 @2027",
			"南湖街道 12亩 @2027",
			"南湖街道 28亩 @2027",
			"南湖街道 40亩 @2027",
			"南湖街道 6亩 @2027",
			"总计 260亩 @2027",
			"总计 78亩 @2027",
			"总计 182亩 @2027",
			"总计 260亩 @2027",
			"总计 96亩 @2027",
		}},
		{"placemonthsgap.txt", "the same table with a month's cell left out of its second row: the row does not fit (the next row's number is no value of it) and the table ends before it", []string{
			"亩序号街镇2027年任务量2027年度任务量 ~260亩 @2027",
			"东江镇 100亩 @2027",
			"东江镇 30亩 @2027",
			"东江镇 70亩 @2027",
			"东江镇 100亩 @2027",
			"东江镇 40亩 @2027",
		}},
	} {
		checkFlatTable(t, c.file, c.shape, c.read)
	}
}

// A table of works by year with cells merged down (wave 17, tune35-T): tables of our own.
func TestFlatProjects(t *testing.T) {
	for _, c := range []struct {
		file, shape string
		read        []string
	}{
		{"projects.txt", "a table of works by year (序号 | 建设时间 | 建设方式 | 类型 | 数量 | 建筑面积（万m2） | 经费预算（万元） | 年度预算（万元）) whose year, way of building and year's budget are merged down over the rows below them: each area a target due its row's year (the span's end under 合计 “十五五”期间); the count without a unit and the money no targets; a row under its group gives all amounts but the merged last; a way of building over rows of its own (改建 | 日间照料中心) may give it or not", []string{
			"2026年 新建 日间照料中心 1.2万m2 @2026",
			"社区 0.6万m2 @2026",
			"2027年 新建 日间照料中心 1.5万m2 @2027",
			"社区 0.8万m2 @2027",
			"改建 日间照料中心 0.5万m2 @2027",
			"合计 “十五五”期间 新建 日间照料中心 2.7万m2 @2030",
			"社区 1.4万m2 @2030",
			"改建 日间照料中心 0.5万m2 @2030",
		}},
		{"projectsgap.txt", "the same table with the second row's area left out (社区 | 6 | 300): two amounts where three are due prove no column, so the table ends before it — 300 is never read as an area, nor the next row's number as an amount", []string{
			"2026年 新建 日间照料中心 1.2万m2 @2026",
		}},
	} {
		checkFlatTable(t, c.file, c.shape, c.read)
	}
}
