package kepu

import (
	"bytes"
	"fmt"
	"image"
	"image/jpeg"
	"image/png"
	"net/http"

	_ "image/gif" // decoded, re-encoded as PNG

	"kexie/internal/valid"
)

// Limits of uploads.
const (
	MaxImageBytes = 8 << 20
	MaxVideoBytes = 50 << 20
	MaxImageSide  = 4096
	MaxPixels     = 16 << 20
)

// Media is a checked upload ready to store.
type Media struct {
	Type          string
	Width, Height int
	Data          []byte
}

// CheckImage takes an uploaded image's bytes: its type is read from the
// content (never the name or the browser's claim), its size and dimensions
// are bounded, and it is decoded and re-encoded, which drops EXIF, GPS and
// every other metadata, and anything appended to the file.
func CheckImage(field string, data []byte) (Media, error) {
	if len(data) > MaxImageBytes {
		return Media{}, valid.New(field, "kepu.err.file_big", MaxImageBytes>>20)
	}
	typ := http.DetectContentType(data)
	if typ != "image/jpeg" && typ != "image/png" && typ != "image/gif" {
		return Media{}, valid.New(field, "kepu.err.file_type")
	}
	cfg, _, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil {
		return Media{}, valid.New(field, "kepu.err.file_broken")
	}
	if cfg.Width > MaxImageSide || cfg.Height > MaxImageSide || cfg.Width*cfg.Height > MaxPixels || cfg.Width < 1 || cfg.Height < 1 {
		return Media{}, valid.New(field, "kepu.err.file_dims", MaxImageSide)
	}
	img, _, err := image.Decode(bytes.NewReader(data))
	if err != nil {
		return Media{}, valid.New(field, "kepu.err.file_broken")
	}
	var out bytes.Buffer
	if typ == "image/jpeg" {
		err = jpeg.Encode(&out, img, &jpeg.Options{Quality: 85})
	} else {
		typ = "image/png"
		err = (&png.Encoder{CompressionLevel: png.BestCompression}).Encode(&out, img)
	}
	if err != nil {
		return Media{}, fmt.Errorf("kepu: re-encode image: %w", err)
	}
	return Media{Type: typ, Width: cfg.Width, Height: cfg.Height, Data: out.Bytes()}, nil
}

// CheckVideo takes an uploaded video: MP4 or WebM by content, within the
// size limit.
func CheckVideo(field string, data []byte) (Media, error) {
	if len(data) > MaxVideoBytes {
		return Media{}, valid.New(field, "kepu.err.file_big", MaxVideoBytes>>20)
	}
	typ := http.DetectContentType(data)
	if typ != "video/mp4" && typ != "video/webm" {
		return Media{}, valid.New(field, "kepu.err.file_type")
	}
	return Media{Type: typ, Data: data}, nil
}
