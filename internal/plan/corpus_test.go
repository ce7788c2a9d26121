package plan

import (
	"crypto/sha256"
	"encoding/hex"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"kexie/internal/testenv"
)

// The development corpus of real plan documents lives beside the project
// (../shared/plans-dev); testdata/corpus holds only the project's labels of
// it (offsets and values, see its README). The test scores the extractor
// on both halves — tune (the half it was tuned on) and heldout (the half
// its author never read; docs/benchmarks.md reports it) — or on the one
// KEXIE_CORPUS_SPLIT names, and keeps the figures from falling below the
// floors.

// corpusFloor is the least total precision, recall and section recall
// per split. The held-out floor is a little under the latest held-out run
// (2026-12-04, after the extractor was widened on another set: precision
// 89.8 %, recall 87.6 %, sections 94.0 %; the first, clean run gave 91.6 /
// 81.4 / 94.0 — the second is not clean, see docs/benchmarks.md), so the
// figures cannot fall; it is not a goal (the goal is 95 / 90 / 98).
var corpusFloor = map[string]struct{ precision, recall, sections float64 }{
	"tune":    {0.97, 0.95, 0.99},
	"heldout": {0.96, 0.87, 0.98}, // after D143 (H3, two opinions, prereg19): 98.6 %, 89.2 %; after wave 13 and D135 (the model retrained, prereg17): 98.5 %, 86.0 %, 99.2 %, the rules alone 93.4 %, 89.8 %; after wave 11 (grid3 D120, tune29 D122): 97.8 %, 85.4 %, 99.2 %, the rules alone 93.4 %, 89.8 %; after wave 10 (D112–D118, D117 not taken): 96.4 %, 84.1 %, 99.2 %, the rules alone 92.6 %, 87.9 % — unchanged; with D117 (0.1) it was 95.0 % (132/139); after D109 (wave 8, model retrained): 96.4 %, 84.1 %, 99.2 %; after D100: 97.1 %, 84.1 %; 2026-12-05 after three widenings: 92.2 %, 87.6 %, 99.2 %; adjudicated (D91), after D95: 92.6 %, 87.9 %, 99.2 %; doubtful readings proposed (D97): 97.0 %, 83.4 %
	"seeds":   {0.97, 0.96, 0.99}, // the five seeds labelled whole (D184), first run (f98a203, H3): 100.0 %, 88.2 % (45/51), 100.0 % (221/221); as first labelled (two fractions and 半数, rejected by D184's convention) 83.3 %; the rules alone 97.9 %, 92.2 %. tune39-T (D192): 100.0 %, 94.1 % (48/51); the rules alone 98.1 %, 100.0 %; recall floor raised to one reading under (0.86 → 0.92). tune47-T (D218): 100.0 %, 98.0 % (50/51: events held each period); recall floor 0.92 → 0.96, one reading under
	"extra":   {0.97, 0.92, 0.99}, // 160 documents after wave 13 (scored on the 155 present; 280 added untuned, its two flattened 街镇 tables read 36.3 %): 99.9 %, 93.3 %, 100 %, the rules alone 97.2 %, 93.7 % (without 280: 99.9 %, 98.6 %); 141 documents after wave 11 (180–186, 190–193 added; scored on the 136 present): 99.4 %, 98.4 %, 100 %, the rules alone 97.8 %, 98.0 %; 130 documents after wave 10 (160–174 added; the model predates 140–174 and its retrain was not taken, prereg13): 97.9 %, 96.8 %, 100 % (sections6), the rules alone 97.6 %, 97.9 %; 143 documents after tune24 (D111): 99.6 %, 98.8 %, 99.7 %, the rules alone 97.5 %, 98.2 %; 135 documents after wave 8 and D109 (the model learnt from them: in-sample): 100 %, 99.3 %, 99.7 %; the rules alone 98.0 %, 98.2 %; the eighth to tenth batches (98–135) first run: 82.4 % / 81.5 % (120–135), 87.9 % / 66.2 % (98–103); with the seventh batch (94–97, table-heavy web pages) unseen: 90.3 %, 77.9 %, 99.5 %; after D101: 96.0 %, 97.1 %, 99.5 %; after D102–D103: 99.0 %, 97.4 %, 99.96 %; before it, after D100: 100 %, 98.7 %; 2026-12-05, 85 documents after D94–D95: 99.5 %, 97.8 %, 99.8 % (the sixth batch, 37–93, before: 97.9 / 75.1 / 99.4 % for all 85); after D97 100 %, 97.8 %
	// A second held-out set, labelled on 2026-12-05 by someone who never
	// read the extractor (testdata/corpus/heldout2/README.md); all ten
	// documents scored 87.3 %, 94.1 %, 94.7 % (docs/benchmarks.md reports
	// the seven that stayed unseen).
	"heldout2": {0.93, 0.94, 0.98}, // development since D144; after D146–D147 (wave 15, rules written on it): 94.2 %, 96.1 %, 100.0 %; after D109: 96.0 %, 94.1 %, 98.9 % (sections 96.8 → 98.9 % with D105); after D78, all ten: 87.3 %, 94.1 %, 96.8 %; after D97: 94.1 %, 94.1 %
	// A third, labelled on 2026-12-05 by another who never read the
	// extractor (testdata/corpus/heldout3/README.md): five State Council
	// government work reports and a provincial 建设方案.
	"heldout3": {0.94, 0.93, 0.98}, // development since D144; after D146–D147 (wave 15, rules written on it): 96.0 %, 95.0 %, 100.0 %; after D109: 94.9 %, 84.1 % (recall 86.1 % with the old model); after D100: 91.8 %, 88.6 %; first run (1047a9e): 80.0 %, 70.4 %, 100 %; after D78: 82.7 %, 69.8 %; after D87: 85.3 %, 87.4 %, 100 %; after D97: 91.5 %, 86.1 %
	// A fourth, labelled on 2026-12-05 by another who never read the
	// extractor (testdata/corpus/heldout4/README.md): six State Council
	// government work reports (2008–2013) and three 2025 data plans.
	"heldout4": {0.91, 0.89, 0.98}, // development since D144; after D146–D147 (wave 15, rules written on it): 93.2 %, 91.2 %, 100.0 %; after D135 (the model retrained, prereg17): 92.5 %, 88.4 %, 100 %; after D109: 95.2 %, 87.8 %; after D100: 93.8 %, 84.0 %; first run (36b427e): 86.9 %, 65.7 %, 100 %; after D87: 86.9 %, 84.0 %, 100 %; after D97: 93.5 %, 79.6 %
	// A fifth, labelled on 2026-12-05 by another who never read the
	// extractor (testdata/corpus/heldout5/README.md): a national health
	// plan with an indicator table and three government work reports
	// (2023–2025).
	"heldout5": {0.90, 0.96, 0.98}, // development since D144; after D146–D147 (wave 15, rules written on it): 92.0 %, 98.8 %, 100.0 %; after D143 (H3, two opinions, prereg19): 89.4 %, 72.0 %; after D109: 93.1 %, 65.9 % (recall 72.0 % with the old model); first run (6486cf7): 83.1 %, 72.0 %, 100 %; after D97: 90.8 %, 72.0 %
	// A sixth, labelled on 2026-12-05 by another who never read the
	// extractor (testdata/corpus/heldout6/README.md): six energy, green
	// transition and equipment-renewal plans of provinces, cities and a
	// district; its first run confirmed or refuted D97 by a rule written
	// down before it (docs/decisions.md D97).
	"heldout6": {0.93, 0.95, 0.98}, // development since D144; after D146–D147 (wave 15, rules written on it): 95.1 %, 97.5 %, 100.0 %; after D109: 91.5 %, 93.8 %; after D100: 89.3 %, 93.8 %; first run (86bc5d3, D97 on): 91.4 %, 92.5 %, 99.4 %; the rules alone 84.1 %, 92.5 %
	// A seventh, labelled on 2026-12-05 by another who never read the
	// extractor (testdata/corpus/heldout7/README.md): six energy and
	// charging-infrastructure plans of provinces and cities; its first run
	// decided whether learn2 was taken, by a rule written down before it.
	"heldout7": {0.93, 0.94, 0.98}, // development since D144; after D146–D147 (wave 15, rules written on it): 95.7 %, 96.8 %, 100.0 %; after D135 (the model retrained, prereg17): 92.1 %, 88.2 %, 99.5 %; after D109: 97.5 %, 84.9 %; first run (cc1bd2d, base of learn2): 92.9 %, 84.9 %, 99.5 %; the rules alone 92.0 %, 86.0 %
	// An eighth, labelled on 2026-12-05 by another who never read the
	// extractor (testdata/corpus/heldout8/README.md): four energy and
	// carbon plans of a city and a district, two with tables.
	"heldout8": {0.95, 0.96, 0.98}, // development since D144; after D146–D147 (wave 15, rules written on it): 97.6 %, 98.4 %, 100.0 %; after D109: 97.9 %, 75.0 %, 100 % (sections 83.6 → 100 % with D105); first run (e538b52, base of learn2, D97 on): 96.1 %, 69.8 %, 83.6 %; the rules alone 94.3 %, 73.8 %; with learn2 the same
	// A ninth, labelled on 2026-12-05 by another who never read the
	// extractor (testdata/corpus/heldout9/README.md): five provincial
	// government work reports of 2026; its first run tested wave 8 and D100
	// by rules written down before it.
	"heldout9": {0.95, 0.95, 0.98}, // development since D144; after D146–D147 (wave 15, rules written on it): 97.1 %, 97.1 %, 100.0 %; after wave 8 and D109: 96.7 %, 93.0 %, 100 % (the model learnt from 16 reports of its kind, 120–135); first run (extractor of 267a2ab): 95.4 %, 86.6 %, 100 %; the rules alone 90.1 %, 92.7 %
	// A tenth, labelled on 2026-12-05 by another who never read the
	// extractor (testdata/corpus/heldout10/README.md): the ten remaining
	// 2026 provincial government work reports of the repository sixteen
	// development documents (120–135) came from.
	"heldout10": {0.92, 0.94, 0.98}, // development since D144; after D146–D147 (wave 15, rules written on it): 94.3 %, 96.9 %, 100.0 %; first run (extractor of 8fb30e7, after wave 8 and D109): 93.4 %, 92.4 %, 100 %; the rules alone 85.5 %, 95.5 %
	// An eleventh, labelled on 2026-12-05 by another who never read the
	// extractor (testdata/corpus/heldout11/README.md): one district's 2026
	// government work report (the hunt for plans of other kinds found no
	// other usable one).
	"heldout11": {0.94, 0.96, 0.98}, // development since D144; after D146–D147 (wave 15, rules written on it): 96.2 %, 98.7 %, 100.0 %; after D143 (H3, two opinions, prereg19): 93.8 %, 98.7 %; first run (extractor of c246c4a, after tune23): 96.7 %, 97.4 %, 100 %; the rules alone 91.2 %, 96.1 %
	// A twelfth, labelled on 2026-12-05 by another who never read the
	// extractor (testdata/corpus/heldout12/README.md): eight energy, carbon
	// and equipment-renewal plans of the State Council, ministries, a city's
	// commissions and three districts; its first run was pre-registered.
	"heldout12": {0.88, 0.89, 0.98}, // development since D144; after D146–D147 (wave 15, rules written on it): 90.8 %, 91.5 %, 99.4 %; after D135 (the model retrained, prereg17): 88.5 %, 83.1 %, 98.5 %; after sections6 (D119): 94.9 %, 86.2 %, 98.5 %; as shipped before it (D117 not taken): 94.3 %, 88.5 %, 97.4 %; first run (extractor of 31c5dd7 with D117's line of 0.1, pre-registered in prereg13): 92.0 %, 88.5 %, 97.4 %; the rules alone 87.1 %, 93.1 % (its 01 states national carbon goals that development document 161 states too)
	// A thirteenth, labelled on 2026-12-05 by another who never read the
	// extractor (testdata/corpus/heldout13/README.md): six national and
	// district energy and carbon plans; it decided D117 by a rule written
	// before it existed (prereg14).
	"heldout13": {0.90, 0.95, 0.98}, // development since D144; after D146–D147 (wave 15, rules written on it): 92.1 %, 97.2 %, 100.0 %; first run (extractor of 31c5dd7 + D117 reverted by it): 87.5 %, 97.2 %, 100 % (at D117's 0.1: 85.4 %, 97.2 %); the rules alone 83.3 %, 97.2 %
	// A fourteenth, labelled on 2026-12-05 by another who never read the
	// extractor (testdata/corpus/heldout14/README.md): four Shanghai S&T and
	// industry plans and a national AI+manufacturing 实施意见; it decides
	// the model question of /work/briefs/prereg15.md.
	"heldout14": {0.88, 0.85, 0.98}, // development since D144; after D146–D147 (wave 15, rules written on it): 90.3 %, 87.5 %, 100.0 %; after D143 (H3, two opinions, prereg19): 90.3 %, 87.5 %; first run (extractor of 4078bd7): 93.1 %, 84.4 %, 100 %; the rules alone 87.5 %, 87.5 %
	// A fifteenth, labelled on 2026-12-06 by another who never read the
	// extractor (testdata/corpus/heldout15/README.md): five national plans
	// and 实施意见 on software, AI, emergency equipment, manufacturing and
	// computing networks, three of them web pages (read as the program
	// reads a page, D125); 27 targets, too few to decide prereg16.
	"heldout15": {0.76, 0.94, 0.98}, // development since D144; after D146–D147 (wave 15, rules written on it): 78.8 %, 96.3 %, 100.0 %; first run (extractor of cae8620, the pages read as pages): 76.5 %, 96.3 %, 100 %; the rules alone 76.5 %, 96.3 % (read as plain text before D125: 81.2 %, 96.3 %, 29.9 %)
	// A sixteenth, labelled on 2026-12-06 by two others who never read the
	// extractor (testdata/corpus/heldout16/README.md): eight low-altitude
	// economy plans and five government web pages of consumption and
	// market regulation; the deciding set of prereg17 (D128).
	"heldout16": {0.92, 0.97, 0.98}, // development since D144; after tune47-T (D218): 94.4 %, 98.1 %, 100 % (recall floor 0.95 → 0.97, one reading under); after D146–D147 (wave 15, rules written on it): 94.2 %, 97.7 %, 100.0 %; after D135 (the model retrained; prereg17 decided on it): 94.7 %, 93.9 %, 100 %; first run (extractor of a938051, pages placed by D130): 93.2 %, 93.2 %, 100 %; the rules alone 89.5 %, 97.0 %
	// A seventeenth, labelled on 2026-12-06 by another who never read the
	// extractor (testdata/corpus/heldout17/README.md): four Shanghai plans
	// of parks, transport photovoltaics, a district's greening and
	// renewable energy, one a table sharing figures out across districts.
	"heldout17": {0.93, 0.58, 0.98}, // after D139 (wave 14, a trade: 03 +12 right, +3 wrong): 95.7 %, 61.4 %, 100 %; after D135: 98.5 %, 46.2 %, 100 %; first run (extractor of a938051): 98.5 %, 44.8 %, 100 %; the rules alone 97.1 %, 45.5 %
	// An eighteenth, labelled on 2026-12-06 by another who never read the
	// extractor (testdata/corpus/heldout18/README.md): five Shanghai plans
	// of urban renewal, land use, water, shore power and business services.
	"heldout18": {0.87, 0.60, 0.98}, // after D143 (H3, two opinions, prereg19): 90.6 %, 63.0 %; first run (extractor of 067590d, after wave 13 and D135): 89.5 %, 55.8 %, 100 %; the rules alone 81.7 %, 64.5 %
	// A nineteenth, labelled on 2026-12-06 by another who never read the
	// extractor (testdata/corpus/heldout19/README.md): five Shanghai plans
	// of transport, a district's 十五五 纲要, water, housing and energy;
	// with heldout18 the deciding set of prereg18 (D138).
	"heldout19": {0.82, 0.78, 0.98}, // after D143 (H3, two opinions, prereg19): 84.0 %, 85.7 %; first run (extractor of 5d53370, after wave 13 and D135): 88.1 %, 81.0 %, 100 %; the rules alone 82.9 %, 85.7 %
	// A twentieth, labelled on 2026-12-06 by another who never read the
	// extractor (testdata/corpus/heldout20/README.md): a district's 十五五
	// 纲要 and two district 十五五 plans (ecology and cityscape, energy
	// saving); for an estimate after wave 14, deciding nothing.
	"heldout20": {0.91, 0.76, 0.98}, // first run (extractor of 698286e, after wave 13 and D135): 94.4 %, 79.1 %, 100 %; the rules alone 90.7 %, 79.1 %
	// A twenty-first, labelled on 2026-12-06 by another who never read the
	// extractor (testdata/corpus/heldout21/README.md): four Shanghai plans
	// of ecology and cityscape (city, district), carbon work and sponge
	// city; the deciding set of prereg19 (D142) — scored once with the
	// shipped model when labelled, no candidate's figure seen.
	"heldout21": {0.90, 0.73, 0.98}, // after D143 (H3, two opinions, prereg19): 93.2 %, 75.6 %; first run (extractor of 779f76d, after wave 14; the model of D135): 92.9 %, 71.7 %, 100 %; the rules alone 91.8 %, 70.9 %
	// A twenty-second, labelled blind in wave 15 (hunt20-A) after D145 was
	// written (testdata/corpus/heldout22/README.md): five Shanghai plans —
	// 浦东's 十五五 纲要 with its indicator table, the city's 2026 carbon and
	// energy-saving work, land management 十五五, a division of tasks for
	// new urbanisation, 奉贤's three-year land clean-up with a town × year
	// table. With heldout23, the deciding set of wave 15 (prereg20).
	"heldout22": {0.90, 0.67, 0.97}, // development since D161; after tune35-T (D165): 92.0 %, 68.9 %, 98.5 %; first run (main at a956776: wave 14's rules, H3, before any rule of wave 15): 67.6 %, 63.6 %, 98.5 %; the rules alone 66.9 %, 62.9 %
	// A twenty-third, labelled blind in wave 15 (hunt20-B) after D145 was
	// written (testdata/corpus/heldout23/README.md): five Shanghai plans —
	// waste sorting (a district's three-year plan and another's yearly
	// scheme), the ring of ecological parks, a district's fire-service
	// 十三五 plan, historic townscape 十四五. With heldout22, the deciding set
	// of wave 15 (prereg20).
	"heldout23": {0.96, 0.90, 0.98}, // development since D168; after tune36-T: 98.2 %, 92.6 %, 100 %; first run (main at ed18fa9: wave 14's rules, H3, before any rule of wave 15): 94.4 %, 83.5 %, 100 %; the rules alone 94.4 %, 83.5 %
	// A twenty-fourth, labelled blind in wave 15 (hunt20-C) after D145 was
	// written (testdata/corpus/heldout24/README.md): four Shanghai plans —
	// the city's and 奉贤's park-city opinions, 杨浦's inner roads, rural
	// road upkeep. Part of the deciding set of wave 15 (prereg20).
	"heldout24": {0.92, 0.83, 0.98}, // development since D168; after tune36-T: 94.8 %, 85.8 %, 100 %; first run (main at 824a31a: wave 14's rules, H3, before any rule of wave 15): 91.1 %, 77.4 %, 100 %; the rules alone 86.5 %, 78.3 %
	// A twenty-fifth, labelled blind in wave 15 (hunt20-D) after D145 was
	// written (testdata/corpus/heldout25/README.md): five Shanghai plans —
	// 嘉定's 2026 land clean-up with a town × milestone table, 宝山's 十五五
	// 纲要 with its indicator table, the city's sponge-city opinion and its
	// 2025 requirements, granary photovoltaics. Part of the deciding set of
	// wave 15 (prereg20).
	"heldout25": {0.94, 0.97, 0.98}, // development since D161; after tune35-T (D165): 96.0 %, 99.3 %, 100 %; first run (main at 494a089: wave 14's rules, H3, before any rule of wave 15): 67.4 %, 44.4 %, 100 %; the rules alone 67.7 %, 43.8 %
	// A twenty-sixth and a twenty-seventh, labelled blind in wave 15
	// (hunt20-E, hunt20-F) after D149 was written, its deciding set
	// (testdata/corpus/heldout26/README.md, heldout27/README.md): 松江's 2026
	// carbon work, 普陀's 十五五 纲要 with its indicator table, the city's
	// transport S&T action plan; 奉贤's emergency shelters with a town × year
	// table, 普陀's three-year waste sorting plan, the city's gas safety.
	"heldout26": {0.96, 0.82, 0.96}, // development since D168; after tune36-T: 98.7 %, 84.3 %, 98.0 %; first run (main at 4676d91: wave 15's rules, H3; its first attempt at 0deff13 panicked in a flattened table's header, fixed in fd99345): 87.3 %, 77.5 %, 98.0 %
	"heldout27": {0.97, 0.88, 0.98}, // development since D161; after tune35-T (D165): 99.1 %, 90.3 %, 100 %; first run (main at 4676d91: wave 15's rules, H3): 68.8 %, 9.3 %, 100 % (a town × year table of 168 targets and a project table of 46 unread)
	"heldout28": {0.89, 0.90, 0.97}, // development since D168; after tune36-T: 91.7 %, 92.8 %, 98.8 %; first run (main at f4eb00b: wave 15's rules, H3, before any rule of wave 16): 90.4 %, 90.4 %, 98.8 %; the rules alone 87.2 %, 90.4 %
	"heldout29": {0.85, 0.85, 0.98}, // development since D219; first run (main at f4eb00b): 100 %, 100 %, 100 % (8 targets: a floor one reading under); the rules alone 88.9 %, 100 %
	// Wave 18's deciding set (D168): 21 Shanghai plans labelled blind from
	// zhiyao87/Shanghai-Gov-Docs-Index (testdata/corpus/heldout30/README.md …
	// heldout33/README.md). S first run: main at 90e067a (wave 17's rules,
	// H3); then main with wave 18's rules (D172).
	"heldout30": {0.89, 0.84, 0.98}, // development since D173; after tune37-T: 91.8 %, 86.5 %, 100 %; first run 87.8 %, 82.7 %, 100 %; with wave 18's rules 89.5 %, 81.7 %
	"heldout31": {0.91, 0.88, 0.98}, // development since D173; after tune37-T: 93.3 %, 90.2 %, 100 %; first run 84.6 %, 23.9 %, 100 % (a task table of places by years unread)
	"heldout32": {0.90, 0.90, 0.98}, // development since D173; after tune37-T: 92.1 %, 92.9 %, 100 %; first run 76.3 %, 25.8 %, 100 %; with wave 18's rules 76.6 %, 26.2 % (a table of 159 cells unread)
	"heldout33": {0.93, 0.77, 0.97}, // development since D173; after tune37-T: 95.9 %, 79.0 %, 99.4 %; first run 83.0 %, 78.2 %, 99.4 %; with wave 18's rules 83.2 %, 79.0 %
	// Wave 19's deciding set (D173): heldout34 and 35, plans of the Shanghai
	// index the earlier hunters passed over for three or four targets, and
	// heldout36, four energy and industry plans of ZaynShao/energy-policy-
	// analysis (README.md of each). S first run: main at 500699e (wave 18's
	// rules, H3); then main with wave 19's rules (D176).
	"heldout34": {0.97, 0.72, 0.92}, // first run 90.6 %, 74.4 %, 94.0 %; with wave 19's rules 100 %, 74.4 %
	"heldout35": {0.88, 0.73, 0.98}, // first run 84.7 %, 73.5 %, 100 %; after tune38-T 90.0 %, 75.9 %, 100 %
	"heldout36": {0.97, 0.84, 0.98}, // first run 95.9 %, 85.4 %, 92.8 %; after tune38-T 99.2 %, 86.1 %, 100 %
	// Wave 20's deciding set (D177): eight plans of ZaynShao/energy-policy-
	// analysis's staging (README.md of each; heldout37 02, a city's yearly
	// list of tasks, holds 162 of the 191 targets). S first run: main at
	// 4cc2f9b; wave 20's rules moved none of them (D179).
	"heldout37": {0.94, 0.97, 0.98}, // development since D219; first run 94.8 % (and S, wave 29: the same), 97.1 %, 100 %; tune48-T (D222) 95.4 %, 98.2 %, 100 % (floor one reading under)
	"heldout38": {0.77, 0.80, 0.98}, // development since D219; after tune51-T (D234): 90.0 %, 90.0 %, 100 % (recall floor 0.70 → 0.80, one reading under); first run 88.9 %, 80.0 %, 100 % (10 targets: a floor one reading under)
	"heldout39": {0.81, 0.81, 0.98}, // development since D219; first run 83.3 %, 90.9 %, 100 % (11 targets: a floor one reading under); tune48-T (D222) 90.9 %, 90.9 %, 100 %
	// Wave 21's deciding set (D191): three five-year plans of
	// minoriwww/NLPtools (README.md of each) — the national 6th (42) and 8th
	// (43), Yunnan's 10th (44). S first run: main at 0d2fbec (H3); wave 21's
	// rules moved none of them (D193).
	"heldout42": {0.92, 0.66, 0.57}, // first run 59.5 %, 36.0 %, 58.9 % (853 targets of an OCR'd 1981 text); tune40-T 93.9 %, 68.0 % (D196)
	"heldout43": {0.91, 0.79, 0.73}, // first run 66.2 %, 57.1 %, 75.3 %; tune40-T 93.8 %, 81.0 % (D196)
	"heldout44": {0.96, 0.87, 0.98}, // first run 98.3 %, 87.7 %, 99.1 % (65 targets: a floor one reading under); tune40-T 98.3 %, 89.2 %
	// Wave 22's deciding set (D195): the national 9th–12th five-year plans
	// of minoriwww/NLPtools's zip, every 。 removed (README.md of each).
	// S first run: main at 63bd86d (tune39-T's rules, H3); wave 22's rules
	// moved none of them (D197).
	"heldout45": {0.94, 0.80, 0.96}, // development since D198; after tune41-T (D199): 95.6 %, 81.4 %, 94.1 %; after tune42-T (D202) sections 97.7 %; first run 73.7 %, 60.9 %, 94.1 %
	"heldout46": {0.97, 0.92, 0.98}, // development since D198; after tune41-T (D199): 98.8 %, 93.3 %, 100 %; first run 97.5 %, 88.8 %, 100 %
	// Wave 23's deciding set (D198): the national 7th (47), 1st and 2nd (48)
	// five-year plans of minoriwww/NLPtools's zip, every 。 removed (README.md
	// of each). S first run: main at d0c5240 (H3); floors from the figures
	// with wave 23's rules, which moved them (D200).
	"heldout47": {0.85, 0.57, 0.95}, // development since D201; first run 81.9 %, 58.3 %, 83.7 %; with tune41-T 87.7 %, 57.2 %, 81.7 %; after tune42-T (D202) 86.9 %, 59.2 %, 97.1 %
	"heldout48": {0.88, 0.32, 0.91}, // development since D201; first run 20.5 %, 3.8 %, 91.5 %; with tune41-T 25.1 %, 4.9 %, 84.6 %; after tune42-T (D202) 89.9 %, 34.0 %, 93.2 % (the 1st plan's 1,234 targets, its numbers written digit by digit in Chinese: 七四一·三亿元)
	// Wave 25's deciding set (D204, D204a): the national 15th five-year
	// outline and the 2026 government work report as RoyACCA/wiki keeps them
	// (49), seven provincial energy plans from ZaynShao's vault (50); blind.
	"heldout49": {0.93, 0.94, 0.98}, // first run (S at b5fdc2c and the candidate alike, D206): 95.0 %, 96.6 %, 100 %
	"heldout52": {0.91, 0.90, 0.98}, // development since D213; after tune46-T (D214): 93.8 %, 92.0 %, 100 % (recall 0.81 → 0.90: a header spaced out read); wave 27's deciding set (D210, D212): first run (S at 0742963, H3) 93.3 %, 83.9 %, 100 %
	"heldout51": {0.95, 0.93, 0.98}, // development since D210; after tune50-T (D231): 98.8 %, 93.9 %, 100 % (recall floor 0.91 → 0.93, one reading under); after tune47-T (D218): 98.0 %, 92.3 %, 100 % (recall floor 0.87 → 0.91, one reading under); wave 26's deciding set (D207, D209): first run (S at 14f0803 and the candidate alike) 97.5 %, 89.7 %, 100 %
	// Wave 29's deciding set (D217a): five 2026 plans of PAOTENG/policy-radar
	// (the text after the crawl's `## 全文`); development since D219.
	"heldout53": {0.98, 0.91, 0.98}, // first run (S at 1d72447c and the candidate alike, D219): 100 %, 92.3 %, 100 % (78 targets: a floor one reading under)
	"heldout54": {0.96, 0.87, 0.98}, // development since D227; after tune49-T (D228): 100 %, 90.2 %, 100 % (recall floor 0.65 → 0.87, one reading under); blind in wave 30 (D221, D221: 41 targets of five health plans, too few to decide); first run (S at c573b515): 100 %, 68.3 %, 100 % (a floor one reading under)
	// Wave 31 (D227, D227a): 双碳 and 科技 plans of 2021–2022 read from
	// yeahqiona/Dual-carbon-policies' PDFs as an upload reads them.
	"heldout55": {0.93, 0.96, 0.98}, // development since D230; after tune50-T (D231): 94.8 %, 96.9 %, 100 % (recall floor 0.93 → 0.96, one reading under); wave 31's deciding set (D229), first run (S at 6e3c9923): 94.7 %, 94.7 %, 100 % (131 targets: a floor one reading under)
	"heldout56": {0.85, 0.90, 0.98}, // development; after tune49-T (D228): 86.3 %, 91.4 %, 100 % (floors 0.84 · 0.84 → 0.85 · 0.90, one reading under); first run (S at 6e3c9923): 85.5 %, 85.5 %, 100 % (152 targets)
	// Wave 32 (D230): the same source's next twenty plans.
	"heldout57": {0.86, 0.93, 0.99}, // development since D233; after tune51-T (D234): 87.4 %, 94.6 %, 99.8 % (recall floor 0.92 → 0.93, one reading under); wave 32's deciding set (D230, D230a); first run (S at 09fa8acd): 87.3 %, 93.2 %, 99.8 % (147 targets: a floor one reading under)
	"heldout58": {0.96, 0.92, 0.99}, // development; after tune50-T (D231): 97.5 %, 93.3 %, 100 % (floors 0.95 · 0.91 → 0.96 · 0.92, one reading under); first run (S at 09fa8acd): 96.2 %, 92.1 %, 100 % (164 targets)
	// Wave 33 (D233): the same source's next fifteen plans.
	"heldout59": {0.85, 0.68, 0.97}, // development since D235; after tune52-T (D237): 86.0 %, 68.4 %, 97.5 % (recall floor 0.67 → 0.68, one reading under); wave 33's deciding set (D233), read by C1 (tune51-T) as by S; first run (S at b399bd9e): 85.9 %, 67.7 %, 97.5 % (288 targets: a floor one reading under)
	// Wave 34 (D235): the pool's next fifteen plans.
	"heldout60": {0.94, 0.83, 0.99}, // blind, deciding (D235); first run (S at 8143c86f): 95.0 %, 83.9 %, 100 % (180 targets: a floor one reading under)
	"heldout61": {0.95, 0.45, 0.97}, // development (D243, D244): seven digital-economy texts of two new sources, 10 targets; first run (S at 8c323750): 100 %, 50.0 %, 98.2 % (the rules alone 85.7 %, 60.0 %)
	"heldout62": {0.95, 0.66, 0.99}, // development (D250, D251): twelve national data/AI plans of 2024–2026 of a third new source, 6 targets, 244 sections; first run (S at 83555223): 100 %, 83.3 %, 100 % (the rules alone the same)
	"heldout50": {0.92, 0.91, 0.97}, // development since D207; after tune50-T (D231): 96.4 %, 91.8 %, 99.0 % (recall floor 0.86 → 0.91, one reading under); after tune44-T (D208): 94.5 %, 88.7 %, 99.0 % (sections 0.83 → 0.97: a heading's number split by empty bold read); first run (S at b5fdc2c and the candidate alike, D206): 94.0 %, 88.7 %, 85.5 %
}

// sameDoc reports whether doc is the document a label file pins by sha256.
func sameDoc(doc []byte, sha string) bool {
	sum := sha256.Sum256(doc)
	return hex.EncodeToString(sum[:]) == sha
}

// heldOut reports whether a split is a held-out set (heldout, heldout2 …):
// its scoring prints figures only, never the text of a miss — a retired
// set's misses are read from a dump (TestDumpIngest), by those allowed to.
func heldOut(split string) bool { return strings.HasPrefix(split, "heldout") }

// The extra corpus — further public plans of other kinds than the
// development corpus, which widen what the extractor is developed on
// (testdata/corpus/extra/README.md lists them and their sources) — is
// scored by TestCorpus when KEXIE_EXTRA_CORPUS names its folder. Its text
// is kept beside the project, never in it, and CI does not have it.

type labelDoc struct {
	File     string         `json:"file"`
	SHA256   string         `json:"sha256"`
	Sections []sectionLabel `json:"sections"`
	Targets  []label        `json:"targets"`
	// Rejected are labels an adjudication judged not targets (kept, with
	// the item that rejected them); scored only as first labelled.
	Rejected []label `json:"rejected,omitempty"`
}

// adjudicated reports whether an adjudication changed the document's labels.
func (ld labelDoc) adjudicated() bool {
	return len(ld.Rejected) > 0 || slices.ContainsFunc(ld.Targets, func(l label) bool { return l.Adjudicated != "" })
}

// firstLabelled is the document's targets as its labeller first wrote
// them, before any adjudication.
func (ld labelDoc) firstLabelled() []label {
	var ls []label
	for _, l := range ld.Targets {
		if l.Adjudicated == "" {
			ls = append(ls, l)
		}
	}
	ls = append(ls, ld.Rejected...)
	sort.SliceStable(ls, func(a, b int) bool { return ls[a].Start < ls[b].Start })
	return ls
}

func TestCorpus(t *testing.T) {
	dir := os.Getenv("KEXIE_CORPUS")
	if dir == "" {
		t.Skip("KEXIE_CORPUS is not set: the development corpus of plan documents is an extra corpus (set it to the folder, e.g. ../shared/plans-dev)")
	}
	// KEXIE_CORPUS_SPLIT names the halves to score, comma-separated
	// (tune,extra scores what the extractor is developed on and never
	// the held-out half).
	splits := []string{"tune", "heldout"}
	if s := os.Getenv("KEXIE_CORPUS_SPLIT"); s != "" {
		splits = strings.Split(s, ",")
	}
	extra := os.Getenv("KEXIE_EXTRA_CORPUS")
	for _, split := range splits {
		if split == "extra" || split != "heldout" && heldOut(split) {
			continue
		}
		t.Run(split, func(t *testing.T) { scoreSplit(t, dir, split) })
	}
	// The extra corpus is on the machines of those who develop the
	// extractor only (CI does not have it): scored when named, not skipped.
	if extra != "" && (os.Getenv("KEXIE_CORPUS_SPLIT") == "" || slices.Contains(splits, "extra")) {
		t.Run("extra", func(t *testing.T) { scoreSplit(t, extra, "extra") })
	}
	// So are the further held-out sets (their documents are kept beside the
	// project, like the others; KEXIE_HELDOUT2 … KEXIE_HELDOUT62 name their
	// folders).
	for n := 2; n <= 62; n++ {
		split := "heldout" + strconv.Itoa(n)
		if d := os.Getenv("KEXIE_HELDOUT" + strconv.Itoa(n)); d != "" && (os.Getenv("KEXIE_CORPUS_SPLIT") == "" || slices.Contains(splits, split)) {
			t.Run(split, func(t *testing.T) { scoreSplit(t, d, split) })
		}
	}
}

// partialSplit reports whether split may be read without the documents
// this machine lacks: a machine that rebuilt the corpora beside the project
// from their sources (corpus_rebuild_test.go) may lack those whose source it
// cannot reach, and KEXIE_CORPUS_PARTIAL lets the scorer and the trainer
// read such a split on the documents present. The development corpus itself
// (tune, heldout) is never partial.
func partialSplit(split string) bool {
	return os.Getenv("KEXIE_CORPUS_PARTIAL") != "" && split != "tune" && split != "heldout"
}

func scoreSplit(t *testing.T, dir, split string) {
	floor, ok := corpusFloor[split]
	if !ok {
		t.Fatalf("KEXIE_CORPUS_SPLIT=%q: want tune or heldout", split)
	}
	files, _ := filepath.Glob(filepath.Join("testdata", "corpus", split, "*.json"))
	sort.Strings(files)
	if len(files) == 0 {
		if testenv.InCI() {
			t.Fatalf("no labels in testdata/corpus/%s", split)
		}
		t.Skipf("no labels in testdata/corpus/%s yet", split)
	}
	var total, first, rules score // first: against the labels as first written; rules: read by the rules alone (without D97)
	adjudicated := false
	var slowest time.Duration
	// Each absent document is named, the count is reported and the floor,
	// which was measured on all of them, is not checked (partialSplit).
	partial := partialSplit(split)
	absent := 0
	for _, f := range files {
		ld := readLabels(t, f)
		src, err := os.ReadFile(filepath.Join(dir, ld.File))
		if err != nil && partial && os.IsNotExist(err) {
			t.Logf("%-44s absent here (KEXIE_CORPUS_PARTIAL)", ld.File)
			absent++
			continue
		}
		if err != nil {
			t.Fatalf("%s: the labelled document is missing: %v", f, err)
		}
		if !sameDoc(src, ld.SHA256) {
			t.Fatalf("%s: %s is not the document labelled (sha256 differs)", f, ld.File)
		}
		text := string(src)
		read, inPage, err := readAsProgram(ld.File, src) // a web page as the program reads one
		if err != nil {
			t.Fatalf("%s: %v", ld.File, err)
		}
		start := time.Now()
		doc, err := Ingest(strings.NewReader(read))
		took := time.Since(start)
		slowest = max(slowest, took)
		if err != nil && err != ErrNoStructure {
			t.Fatalf("%s: %v", ld.File, err)
		}
		plain, _ := ingestText(strings.ToValidUTF8(read, "\uFFFD"), nil)
		if inPage != nil {
			doc, plain = pageDoc(doc, inPage), pageDoc(plain, inPage)
		}
		s := scoreDoc(text, doc, ld.Targets, ld.Sections)
		rules.add(scoreDoc(text, plain, ld.Targets, ld.Sections))
		if heldOut(split) {
			t.Logf("%-44s %s", ld.File, s)
		} else {
			report(t, ld.File, s)
		}
		total.add(s)
		if ld.adjudicated() {
			adjudicated = true
		}
		first.add(scoreDoc(text, doc, ld.firstLabelled(), ld.Sections))
	}
	if adjudicated {
		t.Logf("%-44s %s", split+" total as first labelled", first)
	}
	t.Logf("%-44s %s", split+" total", total)
	t.Logf("%-44s %s", split+" total, the rules alone", rules)
	t.Logf("%-44s comparator %d/%d, per-period %d/%d, deadline %d/%d", split+" attributes of matched targets",
		total.cmpOK, total.matched, total.perOK, total.matched, total.dlOK, total.matched)
	t.Logf("%-44s extras over a labelled span %d of %d, misses under an extracted span %d of %d", split+" disagreements",
		total.extraNear, total.found-total.matched, total.missNear, total.labelled-total.matched)
	t.Logf("%-44s %d of %d, for the reviewer to accept", split+" misses proposed as candidates", total.missProposed, total.labelled-total.matched)
	t.Logf("%-44s asserted scored below %.1f: %d, of which not labelled %d (of all asserted %d of %d); proposed %d, of which labelled %d", split+" review aids",
		lowScore, total.low, total.lowWrong, total.found-total.matched, total.found, total.proposed, total.proposedRight)
	t.Logf("slowest ingestion %v", slowest.Round(time.Microsecond))
	if absent > 0 {
		t.Logf("%-44s %d of %d documents absent, scored on %d: the floor is not checked", split+" partial", absent, len(files), len(files)-absent)
		return
	}
	if total.precision() < floor.precision || total.recall() < floor.recall || total.sections() < floor.sections {
		t.Errorf("%s: below the floor (precision %.1f%%, recall %.1f%%, sections %.1f%%)", split,
			100*floor.precision, 100*floor.recall, 100*floor.sections)
	}
}
