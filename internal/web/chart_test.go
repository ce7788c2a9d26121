package web

import (
	"math"
	"testing"
)

func TestChartJSON(t *testing.T) {
	if got := ChartJSON(map[string]any{"series": []any{map[string]any{"type": "bar", "data": []float64{1.5}}}}); got != `{"series":[{"data":[1.5],"type":"bar"}]}` {
		t.Errorf("ChartJSON = %s", got)
	}
	if got := ChartJSON(map[string]any{"data": []float64{math.NaN()}}); got != "" {
		t.Errorf("an option that cannot be encoded gave %q, want no chart", got)
	}
}
