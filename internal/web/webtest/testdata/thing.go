// A module's source, for TestAuditActions.
package thing

func make() { append(audit.Entry{Action: "thing.make", Target: "t"}) }

func step(next string) { append(audit.Entry{OrgID: 1, Action: "thing.step_" + next}) }

var p = Permission{Action: "thing.view"}
