"""One firm's assessment and what follows from its answers: the assessment file (profile,
answers, evidence, audit trail, the planned project), money, scoring by both stage
rules, explanations, summaries, firm size and evidence photos.
Imports ``questionnaire`` and ``base``."""
