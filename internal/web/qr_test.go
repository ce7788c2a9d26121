package web_test

import (
	"bytes"
	"encoding/base64"
	"image/png"
	"strings"
	"testing"

	"kexie/internal/web"
)

func TestQRDataURL(t *testing.T) {
	u, err := web.QRDataURL("https://kexie.example/card/ABCD", 240)
	if err != nil {
		t.Fatal(err)
	}
	const prefix = "data:image/png;base64,"
	if !strings.HasPrefix(string(u), prefix) {
		t.Fatalf("not a PNG data address: %.40s", u)
	}
	b, err := base64.StdEncoding.DecodeString(string(u)[len(prefix):])
	if err != nil {
		t.Fatal(err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil || img.Bounds().Dx() != 240 {
		t.Fatalf("png: %v %v", err, img)
	}
}
