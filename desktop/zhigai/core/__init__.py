"""The Qt-free core: every rule of Zhigai lives here.

Nothing in this package may import PySide6 (a test checks it in a fresh interpreter).
"""
