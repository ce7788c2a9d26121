package plan

import (
	"net/http"
	"strconv"

	"kexie/internal/access"
	"kexie/internal/web"
)

// Route resources: which org a request under /plans is about, for the
// access checks the routes declare. Kept apart from the store.

// PathResolver is the route Resource of /plans/{param}.
func (s *Store) PathResolver(param string) func(*http.Request) (access.Resource, error) {
	return func(r *http.Request) (access.Resource, error) {
		id, err := strconv.ParseInt(r.PathValue(param), 10, 64)
		if err != nil {
			return access.Resource{}, web.ErrNotFound
		}
		var res access.Resource
		err = s.db.QueryRow(r.Context(), `SELECT o.id, o.path FROM plans p JOIN orgs o ON o.id = p.org_id WHERE p.id = ?`, id).Scan(&res.OrgID, &res.OrgPath)
		if err != nil {
			return access.Resource{}, web.ErrNotFound
		}
		return res, nil
	}
}

// IndicatorResolver is the route Resource of /plans/{id}/indicators/{iid}:
// the indicator's responsible unit (the plan's org while it has none), so
// the unit's own users reach it and the plan's owners above them do too.
func (s *Store) IndicatorResolver() func(*http.Request) (access.Resource, error) {
	return func(r *http.Request) (access.Resource, error) {
		planID, iid := ids(r)
		id, path, err := s.indicatorOrg(r.Context(), planID, iid)
		if err != nil {
			return access.Resource{}, web.ErrNotFound
		}
		return access.Resource{OrgID: id, OrgPath: path}, nil
	}
}

// EvidenceResolver is the route Resource of /plans/{id}/evidence/{fid}: the
// org that filed the entry.
func (s *Store) EvidenceResolver() func(*http.Request) (access.Resource, error) {
	return func(r *http.Request) (access.Resource, error) {
		planID, _ := strconv.ParseInt(r.PathValue("id"), 10, 64)
		fid, _ := strconv.ParseInt(r.PathValue("fid"), 10, 64)
		var res access.Resource
		err := s.db.QueryRow(r.Context(), `SELECT o.id, o.path FROM plan_evidence f JOIN plan_progress e ON e.id = f.progress_id
			JOIN orgs o ON o.id = e.org_id WHERE f.id = ? AND e.plan_id = ?`, fid, planID).Scan(&res.OrgID, &res.OrgPath)
		if err != nil {
			return access.Resource{}, web.ErrNotFound
		}
		return res, nil
	}
}
