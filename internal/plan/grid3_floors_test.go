package plan

// grid3Floors are the recall each value of the third grid keeps (for the
// negatives, 0: grid3Extra bounds them); grid3Extra the targets a value may
// assert that no case composed.
var grid3Floors = map[string]float64{}

var grid3Extra = map[string]int{}
