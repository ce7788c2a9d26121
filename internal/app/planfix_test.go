package app

import (
	"testing"

	"kexie/internal/plan"
	"kexie/internal/plan/plantest"
)

// newTrackFixture is a published plan of the city with a unit, an assigned
// target, a progress entry with an evidence file and an evaluation, for the
// route matrix and the page checks.
func newTrackFixture(t *testing.T, ta *testApp, orgID int64) plantest.Track {
	return plantest.NewTrack(t, plan.NewStore(ta.DB, ta.Orgs), ta.Orgs, orgID)
}
