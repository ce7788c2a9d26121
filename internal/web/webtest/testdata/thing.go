// A module's source, for TestAuditActions.
package thing

func make() { append(Entry{Action: "thing.make", Target: "t"}) }

func step(next string) { append(Entry{OrgID: 1, Action: "thing.step_" + next}) }
