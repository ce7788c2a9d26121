package survey
import "testing"
func TestTemplatesValid(t *testing.T){ if err:=LiteracyInstrument().Validate(); err!=nil {t.Fatal(err)}; if err:=StatusTemplate().Validate(); err!=nil {t.Fatal(err)} }
