package survey

import (
	"context"
	"fmt"
	"strconv"
	"strings"

	"kexie/internal/audit"
	"kexie/internal/db"
	"kexie/internal/valid"
)

// CellOf is a response's demographic cell, e.g. "gender=1;age=2;edu=4;
// urban=1", from the questions carrying roles (in Roles' order).
func CellOf(d Definition, a Answers) string {
	var parts []string
	for _, role := range Roles {
		q, ok := d.ByRole(role)
		if !ok {
			continue
		}
		v := ""
		if x := a[q.ID]; len(x) > 0 {
			v = x[0]
		}
		parts = append(parts, role+"="+v)
	}
	return strings.Join(parts, ";")
}

// CellQuota is the quota of one demographic cell for the whole survey
// (StationID 0) or one station.
type CellQuota struct {
	StationID int64
	Cell      string
	Quota     int
	Filled    int
}

// ParseCells reads cell quotas typed one a line as "gender=1;age=2 50".
func ParseCells(text string) ([]CellQuota, error) {
	var out []CellQuota
	for i, line := range strings.Split(text, "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			continue
		}
		f := strings.Fields(line)
		n, err := strconv.Atoi(f[len(f)-1])
		if len(f) != 2 || err != nil || n < 0 || !strings.Contains(f[0], "=") {
			return nil, valid.New("cells", "survey.err.cell_line", i+1)
		}
		out = append(out, CellQuota{Cell: f[0], Quota: n})
	}
	return out, nil
}

// SetCells replaces the cell quotas of a survey (stationID 0) or a
// station; each cell's count starts from the responses already in it.
func (s *Store) SetCells(ctx context.Context, surveyID, stationID int64, cells []CellQuota) error {
	defer s.gen.Add(1)
	return s.db.Tx(ctx, func(tx *db.Tx) error {
		v, err := getSurvey(ctx, tx, "s.id = ?", surveyID)
		if err != nil {
			return err
		}
		if _, err := tx.Exec(ctx, `DELETE FROM survey_cells WHERE survey_id = ? AND station_id = ?`, surveyID, stationID); err != nil {
			return fmt.Errorf("survey: cells: %w", err)
		}
		for _, c := range cells {
			if _, err := tx.Exec(ctx, `INSERT INTO survey_cells (survey_id, station_id, cell, quota, filled) VALUES (?, ?, ?, ?,
				(SELECT COUNT(*) FROM survey_responses r WHERE r.survey_id = ? AND r.cell = ? AND (? = 0 OR r.station_id = ?)))`,
				surveyID, stationID, c.Cell, c.Quota, surveyID, c.Cell, stationID, stationID); err != nil {
				if db.IsUniqueViolation(err) {
					return valid.New("cells", "survey.err.cell_dup", c.Cell)
				}
				return fmt.Errorf("survey: cells: %w", err)
			}
		}
		return audit.Append(ctx, tx, audit.Entry{OrgID: v.OrgID, OrgPath: v.OrgPath, Action: "survey.cells", Target: target("survey", surveyID),
			After: map[string]any{"station_id": stationID, "cells": len(cells)}})
	})
}

// Cells lists the cell quotas of a survey and its stations.
func (s *Store) Cells(ctx context.Context, surveyID int64) ([]CellQuota, error) {
	rows, err := s.db.Query(ctx, `SELECT station_id, cell, quota, filled FROM survey_cells WHERE survey_id = ? ORDER BY station_id, cell`, surveyID)
	if err != nil {
		return nil, fmt.Errorf("survey: cells: %w", err)
	}
	defer rows.Close()
	var out []CellQuota
	for rows.Next() {
		var c CellQuota
		if err := rows.Scan(&c.StationID, &c.Cell, &c.Quota, &c.Filled); err != nil {
			return nil, fmt.Errorf("survey: cells: %w", err)
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// takeCell counts a response into its cell's quotas (the survey's and its
// station's), refusing when one is full.
func takeCell(ctx context.Context, tx *db.Tx, surveyID, stationID int64, cell string) error {
	var n int
	if err := tx.QueryRow(ctx, `SELECT COUNT(*) FROM survey_cells WHERE survey_id = ? AND station_id IN (0, ?) AND cell = ?`,
		surveyID, stationID, cell).Scan(&n); err != nil {
		return fmt.Errorf("survey: cell quota: %w", err)
	}
	if n == 0 {
		return nil
	}
	res, err := tx.Exec(ctx, `UPDATE survey_cells SET filled = filled + 1 WHERE survey_id = ? AND station_id IN (0, ?) AND cell = ? AND filled < quota`,
		surveyID, stationID, cell)
	if err != nil {
		return fmt.Errorf("survey: cell quota: %w", err)
	}
	if got, _ := res.RowsAffected(); int(got) < n {
		return ErrCellFull
	}
	return nil
}

// hasCells reports whether a survey has any cell quota (read on every
// answer, so it is one indexed probe).
func (s *Store) hasCells(ctx context.Context, surveyID int64) bool {
	var n int
	if err := s.db.QueryRow(ctx, `SELECT COUNT(*) FROM survey_cells WHERE survey_id = ? LIMIT 1`, surveyID).Scan(&n); err != nil {
		return true // let the transaction's check decide
	}
	return n > 0
}
