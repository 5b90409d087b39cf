"""The open assessment the screens edit: every edit validated, saved at once and
rescored; verification on site with evidence; advice cached for the screens.
Imports ``advice``, ``store`` and what they stand on; never the report or the GUI."""
