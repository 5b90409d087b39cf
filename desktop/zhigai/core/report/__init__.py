"""The bank-ready PDF report (reportlab platypus, A4): building, batch generation and
verification. Imports reportlab; the rest of the core never needs it."""
