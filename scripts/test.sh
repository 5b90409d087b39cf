#!/usr/bin/env bash
# Install everything and run the whole test suite:  bash scripts/test.sh [pytest arguments]
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/_common.sh"

ensure_debs "running Qt offscreen" $QT_OFFSCREEN_PKGS
ensure_debs "the report and screenshot tests (pdftotext, pdftoppm, qpdf)" poppler-utils qpdf
ensure_venv "[test]"

cd "$ROOT"
export QT_QPA_PLATFORM="${QT_QPA_PLATFORM:-offscreen}"
export PYTHONDONTWRITEBYTECODE=1
exec "$VENV/bin/python" -m pytest "$@"
