package event

import (
	"bytes"
	"encoding/base64"
	"fmt"
	"image/png"

	"github.com/boombuler/barcode"
	"github.com/boombuler/barcode/qr"
)

// QRDataURI is the ticket code as a QR code, a PNG in a data: address the
// ticket page shows (the site's content policy allows data: images). The
// QR encoder is github.com/boombuler/barcode, already in the build for the
// 2FA enrolment code.
func QRDataURI(code string) (string, error) {
	c, err := qr.Encode(code, qr.M, qr.Auto)
	if err != nil {
		return "", fmt.Errorf("event: qr: %w", err)
	}
	if c, err = barcode.Scale(c, 240, 240); err != nil {
		return "", fmt.Errorf("event: qr: %w", err)
	}
	var b bytes.Buffer
	if err := png.Encode(&b, c); err != nil {
		return "", fmt.Errorf("event: qr: %w", err)
	}
	return "data:image/png;base64," + base64.StdEncoding.EncodeToString(b.Bytes()), nil
}
