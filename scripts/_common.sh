# Shared by scripts/start.sh and scripts/test.sh: find Python 3.11+, install the system
# libraries Qt needs where missing, create the virtual environment.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="${ZHIGAI_VENV:-$ROOT/.venv}"

say() { printf '[zhigai] %s\n' "$*" >&2; }
die() { printf '[zhigai] ERROR: %s\n' "$*" >&2; exit 1; }

# Debian/Ubuntu packages Qt needs to run offscreen (tests, headless) ...
QT_OFFSCREEN_PKGS="libgl1 libegl1 libxkbcommon0 libglib2.0-0 libdbus-1-3 libfontconfig1"
# ... and in a real X11 window (plus Xvfb for screenshots on machines without a display).
QT_X11_PKGS="xvfb xauth libxcb-cursor0 libxcb-icccm4 libxcb-image0 libxcb-keysyms1 \
libxcb-render-util0 libxcb-shape0 libxcb-xkb1 libxkbcommon-x11-0"

missing_debs() {
  local pkg out=""
  for pkg in "$@"; do
    if ! dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed"; then
      # a t64 variant (Ubuntu 24.04+, Debian 13) provides the same library
      if ! dpkg-query -W -f='${Status}' "${pkg}t64" 2>/dev/null | grep -q "install ok installed"; then
        out="$out $pkg"
      fi
    fi
  done
  echo "$out"
}

apt_install() {
  # apt_install PKG... : install with apt-get as root or through non-interactive sudo.
  local runner=""
  if [ "$(id -u)" -eq 0 ]; then
    runner=""
  elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    runner="sudo -n"
  else
    return 2
  fi
  say "installing system packages:$*"
  # t64 renames: ask apt for whichever name exists
  local pkgs=() p
  for p in "$@"; do
    if apt-cache show "$p" >/dev/null 2>&1; then pkgs+=("$p"); else pkgs+=("${p}t64"); fi
  done
  $runner env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null || return 1
  $runner env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    "${pkgs[@]}" >/dev/null || return 1
}

ensure_debs() {
  # ensure_debs "why" PKG... : install missing Debian packages or explain how to.
  local why="$1"; shift
  if ! command -v dpkg-query >/dev/null 2>&1; then
    say "not a Debian/Ubuntu system: make sure these (or equivalent) are installed for $why: $*"
    return 0
  fi
  local missing
  missing="$(missing_debs "$@")"
  [ -z "$missing" ] && return 0
  if apt_install $missing; then
    return 0
  fi
  die "these system packages are needed for $why but are missing:$missing
  Install them with:  sudo apt-get install$missing
  (this script could not, because it is not running as root and sudo needs a password)"
}

find_python() {
  local candidate
  for candidate in "${PYTHON:-}" python3.13 python3.12 python3.11 python3; do
    [ -n "$candidate" ] || continue
    if command -v "$candidate" >/dev/null 2>&1 && \
       "$candidate" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else 1)' 2>/dev/null; then
      command -v "$candidate"
      return 0
    fi
  done
  return 1
}

ensure_venv() {
  # ensure_venv EXTRAS : create $VENV if needed and install the project (editable) into it.
  local extras="$1" python
  if [ ! -x "$VENV/bin/python" ]; then
    python="$(find_python)" || die "Python 3.11 or newer is needed. On Debian/Ubuntu: sudo apt-get install python3 python3-venv (Debian 12 / Ubuntu 24.04 ship 3.11 / 3.12)."
    say "creating virtual environment $VENV with $($python --version)"
    if ! "$python" -m venv "$VENV" 2>/dev/null; then
      rm -rf "$VENV"
      local ver
      ver="$("$python" -c 'import sys; print(f"{sys.version_info[0]}.{sys.version_info[1]}")')"
      ensure_debs "creating a Python virtual environment" "python${ver}-venv"
      "$python" -m venv "$VENV" || die "could not create the virtual environment $VENV"
    fi
  fi
  local stamp="$VENV/.zhigai-installed" want
  want="$(cat "$ROOT/pyproject.toml" | sha256sum | cut -c1-16)-$extras"
  if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
    say "installing Zhigai and its dependencies into $VENV (first run takes a minute)"
    "$VENV/bin/python" -m pip install --quiet --upgrade pip >/dev/null 2>&1 || true
    "$VENV/bin/python" -m pip install --quiet -e "$ROOT$extras" \
      || die "pip could not install the dependencies (see the messages above)"
    echo "$want" > "$stamp"
  fi
}
