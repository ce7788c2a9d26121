package plan

import "strings"

// Cells of a flattened table that a page's width or a plan's habits shaped
// (tune36-T): see ingest_flat_cells.go for the cells themselves.

// changeCells are a value's cell that says only which way a value goes
// (提升 | 显著提升, 降低 | 低于5%): words, whole.
var changeCells = []string{"提升", "提高", "降低", "下降", "增加", "减少", "增长"}

// splitUnitCell reports a unit cell broken over two lines with no blank
// line between them: neither line a cell of its own kind, the two joined
// a unit.
func splitUnitCell(a, b string, cols flatCols) bool {
	if strings.ContainsAny(a, " 0123456789") || strings.ContainsAny(b, " 0123456789") || cellKind(a, cols) != ftText {
		return false
	}
	return cellKind(a+b, cols) == ftUnit
}
