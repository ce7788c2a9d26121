package survey_test

import "strconv"

func strconvItoa(v int64) string { return strconv.FormatInt(v, 10) }
