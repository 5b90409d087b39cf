"""The questionnaire: its format, loading with ``file:line`` checks, the condition
language of its skip logic, typed values, the compiled instrument an assessment is
answered with, and the catalogue of installed versions. Imports only ``base``."""
