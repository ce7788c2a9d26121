package thing

func test() { append(audit.Entry{Action: "thing.test_only"}) }
