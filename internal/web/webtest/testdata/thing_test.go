package thing

func test() { append(Entry{Action: "thing.test_only"}) }
