"""Many firms at once, for programme officers: every stored assessment as one pandas
table, filters and summaries, the peer benchmark, readable tables, Excel and CSV.
Imports ``store``, ``assessment``, ``questionnaire`` and ``base``; never the report."""
