#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for the tests (scripts/test.sh runs the store tests on it).
#
#   bash scripts/pg_cluster.sh start        prints the administrator's URL (stdout) and the
#                                           folder to stop (stderr)
#   bash scripts/pg_cluster.sh url  [DIR]   prints the URL of the running cluster
#   bash scripts/pg_cluster.sh stop [DIR]   stops it and deletes its folder
#
# Sourced (". scripts/pg_cluster.sh"), it defines pg_cluster_start / pg_cluster_url /
# pg_cluster_stop; start exports ZHIGAI_TEST_PG (the URL) and ZHIGAI_PG_DIR (the folder), which
# stop then uses. DIR defaults to $ZHIGAI_PG_DIR.
#
# The cluster lives in a `mktemp -d` folder: trust authentication for the user "zhigai", UTF-8,
# listening on 127.0.0.1 only, on a free port chosen at start, its socket in that folder, fsync
# off. PostgreSQL refuses to run as root: as root, initdb and the server run as the system user
# $ZHIGAI_PG_USER (default zhigai-pg, created when missing). Without initdb, the Debian package
# "postgresql" is installed (as root or through password-less sudo).
# shellcheck shell=bash

# shellcheck source=scripts/_common.sh
. "$(dirname "${BASH_SOURCE[0]}")/_common.sh"

PG_CLUSTER_USER="${ZHIGAI_PG_USER:-zhigai-pg}"

pg_bindir() {
  # The folder of initdb / pg_ctl: on PATH, else Debian's /usr/lib/postgresql/<version>/bin.
  local initdb
  initdb="$(command -v initdb 2>/dev/null || true)"
  if [ -n "$initdb" ]; then
    dirname "$initdb"
    return 0
  fi
  local dir
  dir="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
  if [ -n "$dir" ] && [ -x "$dir/initdb" ]; then
    echo "$dir"
    return 0
  fi
  return 1
}

_pg_as_owner() {
  # Runs a command as the cluster's owner: this user, or $PG_CLUSTER_USER when root.
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u "$PG_CLUSTER_USER" -- "$@"
  else
    "$@"
  fi
}

_pg_ensure_user() {
  [ "$(id -u)" -eq 0 ] || return 0
  command -v runuser >/dev/null 2>&1 || die "runuser (util-linux) is needed to run PostgreSQL as root"
  id -u "$PG_CLUSTER_USER" >/dev/null 2>&1 && return 0
  say "creating the system user $PG_CLUSTER_USER (PostgreSQL does not run as root)"
  # a run started at the same moment may have created it: check again before failing
  useradd --system --no-create-home --home-dir /nonexistent --shell /usr/sbin/nologin \
    "$PG_CLUSTER_USER" 2>/dev/null || id -u "$PG_CLUSTER_USER" >/dev/null 2>&1 \
    || die "could not create the system user $PG_CLUSTER_USER to run PostgreSQL"
}

_pg_port_taken() {
  # something already listens on 127.0.0.1:$1
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

pg_cluster_url() {
  local dir="${1:-${ZHIGAI_PG_DIR:-}}"
  [ -n "$dir" ] && [ -f "$dir/port" ] || { say "no throwaway PostgreSQL cluster in '${dir}'"; return 1; }
  echo "postgresql+psycopg://zhigai@127.0.0.1:$(cat "$dir/port")/postgres"
}

pg_cluster_start() {
  local bindir
  if ! bindir="$(pg_bindir)"; then
    ensure_debs "the tests on PostgreSQL (initdb, pg_ctl)" postgresql
    bindir="$(pg_bindir)" || die "PostgreSQL was installed but initdb is not found (looked on PATH and in /usr/lib/postgresql/*/bin)"
  fi
  _pg_ensure_user
  local dir
  dir="$(mktemp -d "${TMPDIR:-/tmp}/zhigai-pg.XXXXXX")" || die "could not create a temporary folder for PostgreSQL"
  export ZHIGAI_PG_DIR="$dir"
  if [ "$(id -u)" -eq 0 ]; then
    chown "$PG_CLUSTER_USER:" "$dir"
    runuser -u "$PG_CLUSTER_USER" -- test -w "$dir" \
      || { pg_cluster_stop; die "the user $PG_CLUSTER_USER cannot write to $dir (set TMPDIR to a folder it can reach)"; }
  fi
  local locale=()
  if locale -a 2>/dev/null | grep -qix 'c\.utf-\?8'; then locale=(--locale=C.UTF-8); else locale=(--no-locale); fi
  # the server runs from the folder: the current one may be closed to its user
  if ! (cd "$dir" && _pg_as_owner "$bindir/initdb" -D "$dir/data" --auth=trust -U zhigai -E UTF8 \
        "${locale[@]}" --no-sync >"$dir/initdb.log" 2>&1); then
    cat "$dir/initdb.log" >&2
    pg_cluster_stop
    die "initdb could not create the PostgreSQL test cluster (its output is above)"
  fi
  _pg_as_owner tee -a "$dir/data/postgresql.conf" >/dev/null <<EOF
# the throwaway cluster of the tests (scripts/pg_cluster.sh)
listen_addresses = '127.0.0.1'
unix_socket_directories = '$dir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 50
EOF
  local attempt port started=""
  for attempt in 1 2 3 4 5 6 7 8; do
    port=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
    _pg_port_taken "$port" && continue
    # another program may take the port between the check and the start: then try another
    if (cd "$dir" && _pg_as_owner "$bindir/pg_ctl" -D "$dir/data" -l "$dir/server.log" \
          -o "-p $port" -w -t 60 start >/dev/null 2>&1); then
      started=1
      break
    fi
    grep -qi "could not bind\|address already in use\|could not create any TCP" "$dir/server.log" 2>/dev/null \
      || break
  done
  if [ -z "$started" ]; then
    tail -n 20 "$dir/server.log" >&2 2>/dev/null || true
    pg_cluster_stop
    die "the throwaway PostgreSQL cluster could not be started (the server's log is above)"
  fi
  echo "$port" >"$dir/port"
  echo "$bindir" >"$dir/bindir"
  ZHIGAI_TEST_PG="$(pg_cluster_url "$dir")"
  export ZHIGAI_TEST_PG
  say "throwaway PostgreSQL $("$bindir/pg_ctl" --version | awk '{print $3}') on 127.0.0.1:$port (folder $dir)"
}

pg_cluster_stop() {
  # Stops the cluster and deletes its folder; safe to call twice, or after a failed start.
  local dir="${1:-${ZHIGAI_PG_DIR:-}}"
  [ -n "$dir" ] || return 0
  case "$(basename "$dir")" in
    zhigai-pg.*) ;;
    *) say "not a throwaway cluster's folder, left alone: $dir"; return 1 ;;
  esac
  if [ -f "$dir/data/postmaster.pid" ]; then
    local bindir pid
    bindir="$(cat "$dir/bindir" 2>/dev/null || pg_bindir)"
    (cd "$dir" && _pg_as_owner "$bindir/pg_ctl" -D "$dir/data" -m immediate -w -t 30 stop \
       >/dev/null 2>&1) || true
    # pg_ctl failed (a server stuck, a broken folder): end that one postmaster by its id
    pid="$(head -n 1 "$dir/data/postmaster.pid" 2>/dev/null || true)"
    if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then
      kill -KILL "$pid" 2>/dev/null || true
      sleep 1
    fi
  fi
  rm -rf "$dir"
  if [ "${ZHIGAI_PG_DIR:-}" = "$dir" ]; then
    unset ZHIGAI_PG_DIR ZHIGAI_TEST_PG
  fi
}

if [ "${BASH_SOURCE[0]}" = "$0" ]; then
  set -euo pipefail
  case "${1:-}" in
    start)
      pg_cluster_start
      say "stop it with: bash scripts/pg_cluster.sh stop $ZHIGAI_PG_DIR"
      echo "$ZHIGAI_TEST_PG"
      ;;
    url) pg_cluster_url "${2:-}" ;;
    stop) pg_cluster_stop "${2:-}" ;;
    *) die "usage: bash scripts/pg_cluster.sh start | url [DIR] | stop [DIR]" ;;
  esac
fi
