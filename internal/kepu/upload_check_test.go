package kepu

import (
	"bytes"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"testing"
)

func TestCheckImage(t *testing.T) {
	img := image.NewRGBA(image.Rect(0, 0, 40, 30))
	img.Set(1, 1, color.RGBA{200, 10, 10, 255})
	var j bytes.Buffer
	if err := jpeg.Encode(&j, img, nil); err != nil {
		t.Fatal(err)
	}
	// A JPEG carrying an EXIF segment with a GPS note, right after SOI.
	exif := append([]byte{0xFF, 0xE1, 0x00, 0x16}, []byte("Exif\x00\x00GPS 26.58N 101.7E")...)
	withMeta := append(append([]byte{0xFF, 0xD8}, exif...), j.Bytes()[2:]...)
	m, err := CheckImage("f", withMeta)
	if err != nil {
		t.Fatal(err)
	}
	if m.Type != "image/jpeg" || m.Width != 40 || bytes.Contains(m.Data, []byte("GPS")) {
		t.Fatalf("re-encoded: %s %d, metadata kept: %v", m.Type, m.Width, bytes.Contains(m.Data, []byte("GPS")))
	}
	// A script named .png is refused by content.
	if _, err := CheckImage("f", []byte("<script>alert(1)</script>")); err == nil {
		t.Fatal("a disguised file passed")
	}
	// Too many pixels, refused before decoding.
	var big bytes.Buffer
	if err := png.Encode(&big, image.NewGray(image.Rect(0, 0, MaxImageSide+1, 1))); err != nil {
		t.Fatal(err)
	}
	if _, err := CheckImage("f", big.Bytes()); err == nil {
		t.Fatal("an oversized picture passed")
	}
	if _, err := CheckImage("f", make([]byte, MaxImageBytes+1)); err == nil {
		t.Fatal("a file over the size limit passed")
	}
	if _, err := CheckVideo("f", []byte("\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom")); err != nil {
		t.Fatalf("mp4: %v", err)
	}
	if _, err := CheckVideo("f", withMeta); err == nil {
		t.Fatal("a picture passed as a video")
	}
}
