"""Hardware behind small interfaces: barcode/QR decoding, the camera, and the USB keyboard-wedge scanner."""
