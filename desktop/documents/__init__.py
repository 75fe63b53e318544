"""Files in and out of the window: .ics and PDF exports, imports, the PDF preview."""
