#!/usr/bin/env bash
# Install everything and run the whole test suite:  bash scripts/test.sh [pytest arguments]
# (then the store's tests again on a throwaway PostgreSQL; ZHIGAI_SKIP_PG=1 skips that run)
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

# The tests of the store and of what stands on it run twice: on SQLite (with everything else)
# and on a throwaway PostgreSQL cluster on a loopback port (scripts/pg_cluster.sh), through the
# db_url fixture of tests/conftest.py. ZHIGAI_SKIP_PG=1 leaves the second run out (local quick
# runs; .ci/run never sets it). With pytest arguments, the PostgreSQL run takes the given files
# of its set (or none) with the same options.
shopt -s nullglob
PG_TESTS=(tests/test_store*.py tests/test_exchange*.py tests/test_session*.py
          tests/test_portfolio*.py tests/test_report*.py)
shopt -u nullglob

pg_run_args() {
  # prints the PostgreSQL run's arguments, one a line (nothing: no file of the set was given)
  local arg prev="" given=0 files=() options=() f
  for arg in "$@"; do
    case "$prev" in
      -k|-m|-p|-o|-c|-n|--deselect|--ignore|--ignore-glob|--rootdir|--basetemp|--junitxml)
        options+=("$arg"); prev=""; continue ;;
    esac
    prev="$arg"
    if [ "${arg#-}" = "$arg" ] && [ -e "${arg%%::*}" ]; then
      given=1
      for f in "${PG_TESTS[@]}"; do
        # a file of the set (or one of its tests), or a folder holding some
        if [ "$(realpath "${arg%%::*}")" = "$(realpath "$f")" ]; then files+=("$arg")
        elif [ -d "$arg" ] && [[ "$(realpath "$f")" == "$(realpath "$arg")"/* ]]; then files+=("$f")
        fi
      done
    else
      options+=("$arg")
    fi
  done
  [ "$given" -eq 1 ] || files=("${PG_TESTS[@]}")
  [ "${#files[@]}" -gt 0 ] || return 0
  printf '%s\n' "${options[@]}" "${files[@]}"
}

# the SQLite run never reaches a PostgreSQL server of the environment
say "pytest (SQLite)"
sqlite_status=0
env -u ZHIGAI_TEST_PG "$VENV/bin/python" -m pytest "$@" || sqlite_status=$?

pg_status=0
if [ "${ZHIGAI_SKIP_PG:-}" = "1" ]; then
  say "pytest (PostgreSQL) skipped: ZHIGAI_SKIP_PG=1"
else
  mapfile -t pg_args < <(pg_run_args "$@")
  if [ "${#pg_args[@]}" -eq 0 ]; then
    say "pytest (PostgreSQL) skipped: none of the given tests is in its set (${PG_TESTS[*]})"
  else
    . "$ROOT/scripts/pg_cluster.sh"
    # the cluster goes whatever happens: the end of the script, a failure, Ctrl-C
    trap 'pg_cluster_stop' EXIT
    trap 'pg_cluster_stop; trap - EXIT; exit 130' INT
    trap 'pg_cluster_stop; trap - EXIT; exit 143' TERM
    pg_cluster_start
    say "pytest (PostgreSQL)"
    started=$SECONDS
    "$VENV/bin/python" -m pytest "${pg_args[@]}" || pg_status=$?
    say "pytest (PostgreSQL) took $((SECONDS - started)) s"
    if [ "$pg_status" -eq 5 ]; then   # options such as -k selected none of its tests
      say "pytest (PostgreSQL): the options given select none of its tests"
      pg_status=0
    fi
    pg_cluster_stop
    trap - EXIT INT TERM
  fi
fi

[ "$sqlite_status" -eq 0 ] || say "pytest (SQLite) failed (exit status $sqlite_status)"
[ "$pg_status" -eq 0 ] || say "pytest (PostgreSQL) failed (exit status $pg_status)"
[ "$sqlite_status" -eq 0 ] || exit "$sqlite_status"
[ "$pg_status" -eq 0 ] || exit "$pg_status"
