package stats

// ChangeText is changeText, for its test.
var ChangeText = changeText
