"""Advice for the firm and its project: the measures library and the roadmap, matching
the public supports, the investment calculator and the financing options ranked with
a bank's tests, and loading the advice data in ``templates/``.
Imports ``assessment``, ``questionnaire`` and ``base`` (never the store)."""
