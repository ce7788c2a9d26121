package plan

import (
	"fmt"
	"io"
	"testing"
)

// FaultyIngest makes the upload's reader fail as a fault of the extractor
// would, until the test ends (tests of the package do not run in parallel).
func FaultyIngest(t testing.TB) {
	old := ingestUpload
	ingestUpload = func(io.Reader) (*Doc, error) {
		return nil, fmt.Errorf("%w: runtime error: index out of range [1] with length 1", ErrExtractorFault)
	}
	t.Cleanup(func() { ingestUpload = old })
}
