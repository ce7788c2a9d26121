package web

import (
	"encoding/base64"
	"fmt"
	"html/template"

	qrcode "github.com/skip2/go-qrcode"
)

// QRDataURL is content as a QR code: a px × px PNG in a data: address a
// page shows in an <img> (the site's content policy allows data: images).
// The address is made here from the PNG, so it is safe as a template.URL.
// PDFs draw theirs with pdfdoc.Doc.QR, on the same encoder.
func QRDataURL(content string, px int) (template.URL, error) {
	png, err := qrcode.Encode(content, qrcode.Medium, px)
	if err != nil {
		return "", fmt.Errorf("qr: %w", err)
	}
	return template.URL("data:image/png;base64," + base64.StdEncoding.EncodeToString(png)), nil
}
