"""Carrying assessments between machines: ``.zhigai`` bundles checked whole before
anything is imported, and the merge of a copy edited on two machines.
Imports ``store``, ``assessment``, ``questionnaire`` and ``base``; never the report."""
