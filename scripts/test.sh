#!/usr/bin/env bash
# Install everything and run the whole test suite:  bash scripts/test.sh [pytest arguments]
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/_common.sh"

ensure_debs "running Qt offscreen" $QT_OFFSCREEN_PKGS
ensure_debs "the report and screenshot tests (pdftotext, pdftoppm, qpdf)" poppler-utils qpdf
if ! command -v soffice >/dev/null 2>&1; then
  # the Excel exports are checked by LibreOffice (the cash flows recalculated); skipped without it
  say "installing LibreOffice Calc (to check the Excel exports; about 300 MB)…"
  apt_install libreoffice-calc >/dev/null 2>&1 \
    || say "LibreOffice could not be installed: the LibreOffice check of the Excel export is skipped"
fi
ensure_venv "[test]"

cd "$ROOT"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
export PYTHONDONTWRITEBYTECODE=1
# the habits the README claims, enforced: lint, types of the core (the layering is checked by
# tests/test_architecture.py with import-linter); the same run by .pre-commit-config.yaml
say "ruff check"
"$VENV/bin/ruff" check --no-cache . || die "ruff found problems (listed above)"
say "mypy --strict (desktop/zhigai/core)"
"$VENV/bin/mypy" --no-incremental || die "mypy found type errors (listed above)"
exec "$VENV/bin/python" -m pytest "$@"
