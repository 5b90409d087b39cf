"""Zhigai (智改): intelligent-transformation readiness assessment for manufacturing SMEs."""

__version__ = "0.1.0"
