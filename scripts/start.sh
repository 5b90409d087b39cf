#!/usr/bin/env bash
# Install everything and start Zhigai:  bash scripts/start.sh [zhigai-gui arguments]
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/_common.sh"

ensure_debs "running the Qt interface" $QT_OFFSCREEN_PKGS
if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  ensure_debs "showing windows on your screen" $QT_X11_PKGS
elif [ -z "${QT_QPA_PLATFORM:-}" ]; then
  say "no display found (DISPLAY is not set): starting without a window (QT_QPA_PLATFORM=offscreen)."
  say "On a desktop, run this from a graphical session to see the window."
  export QT_QPA_PLATFORM=offscreen
fi
ensure_venv ""
"$VENV/bin/python" "$ROOT/scripts/i18n.py" build >/dev/null \
  || say "could not compile the translations now; the program will do it at start"

exec "$VENV/bin/zhigai-gui" "$@"
