package plan

import (
	"net/http"

	"kexie/internal/web"
)

func (h *handler) editIndicator(w http.ResponseWriter, r *http.Request) error {
	planID, id := ids(r)
	f, err := web.ParseForm(w, r, 16<<10)
	if err != nil {
		return err
	}
	err = h.store.UpdateIndicator(r.Context(), planID, id, IndicatorEdit{Metric: f.Get("metric"), Comparator: f.Get("comparator"),
		Value: f.Get("value"), Low: f.Get("low"), High: f.Get("high"), Unit: f.Get("unit"), Deadline: f.Get("deadline"),
		Baseline: f.Get("baseline"), BaselineYear: f.Get("baseline_year")})
	return h.back(w, r, planID, err, "plan.flash.indicator_saved")
}

func (h *handler) deleteIndicator(w http.ResponseWriter, r *http.Request) error {
	planID, id := ids(r)
	return h.back(w, r, planID, h.store.DeleteIndicator(r.Context(), planID, id), "plan.flash.indicator_deleted")
}

func (h *handler) publish(w http.ResponseWriter, r *http.Request) error {
	planID, _ := ids(r)
	return h.back(w, r, planID, h.store.Publish(r.Context(), planID), "plan.flash.published")
}

func (h *handler) addSection(w http.ResponseWriter, r *http.Request) error {
	planID, _ := ids(r)
	f, err := web.ParseForm(w, r, 16<<10)
	if err != nil {
		return err
	}
	return h.back(w, r, planID, h.store.AddSection(r.Context(), planID, f.Get("parent"), f.Get("number"), f.Get("title")), "plan.flash.section_added")
}

func (h *handler) addIndicator(w http.ResponseWriter, r *http.Request) error {
	planID, _ := ids(r)
	f, err := web.ParseForm(w, r, 16<<10)
	if err != nil {
		return err
	}
	err = h.store.AddIndicator(r.Context(), planID, f.Get("section"), f.Get("text"), IndicatorEdit{Metric: f.Get("metric"),
		Comparator: f.Get("comparator"), Value: f.Get("value"), Low: f.Get("low"), High: f.Get("high"), Unit: f.Get("unit"), Deadline: f.Get("deadline")})
	return h.back(w, r, planID, err, "plan.flash.indicator_added")
}

func (h *handler) addUnit(w http.ResponseWriter, r *http.Request) error {
	planID, _ := ids(r)
	f, err := web.ParseForm(w, r, 16<<10)
	if err != nil {
		return err
	}
	return h.back(w, r, planID, h.store.AddUnit(r.Context(), planID, f.Get("section"), f.Get("role"), f.Get("name")), "plan.flash.unit_added")
}

func (h *handler) close(w http.ResponseWriter, r *http.Request) error {
	planID, _ := ids(r)
	return h.back(w, r, planID, h.store.Close(r.Context(), planID), "plan.flash.closed")
}
