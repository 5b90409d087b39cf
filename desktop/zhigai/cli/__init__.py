"""The ``zhigai`` command line: the same core as the GUI, for batch work and tests."""
