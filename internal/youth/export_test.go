package youth

// StatsChart is statsChart, for the test of the chart's axes.
var StatsChart = statsChart
