package people

import (
	"errors"
	"io"
	"runtime"
	"sync"

	"kexie/internal/sheet"
)

// importChunk is a run of consecutive rows of the file: the reader fills
// cells, a worker checks them into out and closes done, and the writer
// takes chunks in file order.
type importChunk struct {
	first   int // row number of cells[0]
	cells   [][]string
	readErr error // why the file could not be read past the last row of cells
	out     []checked
	done    chan struct{}
}

// checked is one row after validation: the row ready to store, or its errors.
type checked struct {
	r     row
	terms string
	errs  []ImportError
}

// importChunkRows is how many rows travel together between the pipeline's
// goroutines: large enough that channel hand-offs cost nothing, small
// enough that a few chunks in flight stay small.
const importChunkRows = 256

// checkRows starts the pipeline that reads rows in chunks and checks them
// on one worker per CPU. It returns the chunks in file order (each is
// ready once its done channel is closed) and a stop function that ends the
// pipeline and waits for its goroutines.
func (s *Store) checkRows(rows sheet.Reader, h headerMap, orgID int64, table map[string]Discipline) (<-chan *importChunk, func()) {
	stop := make(chan struct{})
	work := make(chan *importChunk, 2*runtime.GOMAXPROCS(0))
	ordered := make(chan *importChunk, 4*runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		defer close(work)
		defer close(ordered)
		readChunks(rows, work, ordered, stop)
	}()
	for range runtime.GOMAXPROCS(0) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for c := range work {
				c.out = make([]checked, len(c.cells))
				for i, cells := range c.cells {
					c.out[i] = s.checkImportRow(c.first+i, cells, h, orgID, table)
				}
				c.cells = nil
				close(c.done)
			}
		}()
	}
	return ordered, func() {
		close(stop)
		wg.Wait()
	}
}

// readChunks reads the file into chunks, sending each to the workers and,
// in the same order, to the writer, until the file ends or stop closes.
func readChunks(rows sheet.Reader, work, ordered chan<- *importChunk, stop <-chan struct{}) {
	n := 0
	for {
		c := &importChunk{first: n + 1, done: make(chan struct{})}
		for len(c.cells) < importChunkRows {
			cells, _, err := rows.Next()
			if errors.Is(err, io.EOF) {
				break
			}
			if err != nil {
				c.readErr = err
				break
			}
			c.cells = append(c.cells, cells)
		}
		n += len(c.cells)
		last := c.readErr != nil || len(c.cells) < importChunkRows
		select {
		case work <- c:
		case <-stop:
			return
		}
		select {
		case ordered <- c:
		case <-stop:
			return
		}
		if last {
			return
		}
	}
}
