"""The Qt-free core: every rule of Zhigai lives here, in packages named for the chain they
compute (questionnaire -> assessment -> advice -> report, beside them store, exchange and
portfolio, under them base; see docs/architecture.md).

Nothing in this package may import PySide6, and each package imports only those below it:
the contracts are in pyproject.toml ([tool.importlinter]) and tests/test_architecture.py
checks them.
"""
