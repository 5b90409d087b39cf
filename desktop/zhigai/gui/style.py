"""One calm look for the whole interface."""

ACCENT = "#2f6fb2"
MUTED = "#5f6b76"
ERROR = "#b3261e"
OK = "#2e7d32"
WARN = "#8a5a00"

STAGE_COLORS = ("#9e9e9e", "#8d6e63", "#2f6fb2", "#00897b", "#6a1b9a")

STYLESHEET = f"""
QMainWindow, QWidget#page {{ background: #f4f6f8; }}
QFrame#card {{ background: white; border: 1px solid #dde3e8; border-radius: 6px; }}
QFrame#card[focused="true"] {{ border: 2px solid {ACCENT}; }}
QFrame#card[state="answered"] {{ border-left: 4px solid {OK}; }}
QFrame#card[focused="true"][state="answered"] {{ border: 2px solid {ACCENT};
    border-left: 4px solid {OK}; }}
QLineEdit[readOnly="true"] {{ background: #eef1f4; color: {MUTED}; }}
QLabel#title {{ font-size: 16pt; font-weight: bold; }}
QLabel#subtitle {{ font-size: 12pt; font-weight: bold; }}
QLabel#muted, QLabel#help {{ color: {MUTED}; }}
QLabel#error {{ color: {ERROR}; }}
QLabel#differs {{ color: #8a4b00; font-weight: bold; }}
QLabel#verified {{ background: #e8f3ec; border: 1px solid #9ccaa8; border-radius: 4px;
    padding: 3px 8px; color: {OK}; }}
QLabel#stageValue {{ font-size: 18pt; font-weight: bold; color: {ACCENT}; }}
QLabel#banner {{ background: #fff4e5; border: 1px solid #f0c36d; border-radius: 4px;
    padding: 6px; }}
QLabel#verdictOk {{ background: #e8f3ec; border: 1px solid #9ccaa8; border-radius: 4px;
    padding: 6px; }}
QLabel#errorBanner {{ background: #fdecea; border: 1px solid #e6a39d; border-radius: 4px;
    padding: 6px; color: {ERROR}; }}
QPushButton#primary {{ background: {ACCENT}; color: white; border-radius: 4px;
    padding: 6px 14px; font-weight: bold; }}
QPushButton#primary:disabled {{ background: #a9bdd3; }}
QPushButton#link {{ color: {ACCENT}; border: none; text-decoration: underline; }}
QListWidget#dimensions::item:selected {{ background: #dbe8f5; color: black; }}
"""
