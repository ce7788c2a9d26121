package plan

import "strconv"

// anchorOCR gives the review page's source text an anchor at each spot of
// n (ocr-0, ocr-1, …) for the notice's links: a spot in plain text becomes
// a run of its own, and one that reaches into a marked phrase anchors that
// phrase. segs cover the text the spots were found in, in order.
func anchorOCR(segs []Segment, n *OCRNotice) []Segment {
	if n == nil || len(n.Spots) == 0 {
		return segs
	}
	spots := n.Spots
	out := make([]Segment, 0, len(segs)+2*len(spots))
	pos, k := 0, 0 // the byte offset of the segment in the text; the next spot
	for _, s := range segs {
		end := pos + len(s.Text)
		if s.Mark {
			for ; k < len(spots) && spots[k].from < end; k++ {
				if s.OCR == "" {
					s.OCR = ocrAnchor(k)
				}
			}
			out = append(out, s)
			pos = end
			continue
		}
		at := pos
		for ; k < len(spots) && spots[k].to <= end; k++ {
			from := max(spots[k].from, at)
			if from > at {
				out = append(out, Segment{Text: s.Text[at-pos : from-pos]})
			}
			if spots[k].to > from {
				out = append(out, Segment{Text: s.Text[from-pos : spots[k].to-pos], OCR: ocrAnchor(k)})
				at = spots[k].to
			}
		}
		if at < end {
			out = append(out, Segment{Text: s.Text[at-pos:]})
		}
		pos = end
	}
	return out
}

// ocrAnchor is the id of the k-th spot's place in the page's source text.
func ocrAnchor(k int) string { return "ocr-" + strconv.Itoa(k) }
