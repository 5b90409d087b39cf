"""The bank-ready PDF report (reportlab platypus, A4): what it shows, its pages, the
fingerprint that ties it to the assessment, batch generation and verification.
The only part of the core that imports reportlab; may import every other chain part."""
