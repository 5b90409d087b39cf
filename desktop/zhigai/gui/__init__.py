"""The PySide6 desktop interface: a thin layer over :mod:`zhigai.core`."""
