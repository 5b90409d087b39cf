#!/usr/bin/env bash
# Mutation testing of chosen core modules with mutmut (in the test extra):
#
#   bash scripts/mutate.sh core/assessment/scoring.py core/assessment/verdict.py
#   TESTS="tests/test_scoring.py tests/test_stage_rules.py" bash scripts/mutate.sh core/...
#
# mutmut derives module names from file paths and only knows ./, src/ and source/ layouts, so
# the committed tree is exported to a scratch folder with desktop/ renamed src/ (the repository
# itself is never touched). Prints mutmut's results: every surviving mutant is a bug the tests
# would let through. Run `mutmut show NAME` in the printed folder to see one.
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
[ "$#" -ge 1 ] || { echo "usage: $0 core/PATH.py [...] (paths under desktop/zhigai/)" >&2; exit 2; }
python="${PYTHON:-$here/.venv/bin/python}"
"$python" -c "import mutmut" 2>/dev/null || { echo "mutmut is missing: pip install -e '.[test]'" >&2; exit 2; }
work="$(mktemp -d "${TMPDIR:-/tmp}/zhigai-mutants.XXXXXX")"
git -C "$here" archive HEAD | tar -x -C "$work"
mv "$work/desktop" "$work/src"
only=""
for m in "$@"; do only+="\"src/zhigai/$m\", "; done
tests="${TESTS:-tests/test_scoring.py tests/test_stage_rules.py tests/test_examples.py tests/test_reference_firms.py tests/test_verdict_outputs.py tests/test_properties.py}"
selection=""
for t in $tests; do selection+="\"$t\", "; done
cat >> "$work/pyproject.toml" <<CFG

[tool.mutmut]
source_paths = ["src"]
only_mutate = [${only%, }]
pytest_add_cli_args_test_selection = [${selection%, }]
pytest_add_cli_args = ["-p", "no:cacheprovider", "-x", "-q"]
also_copy = ["examples", "questionnaires", "templates", "scripts"]
CFG
cd "$work"
echo "mutating $* in $work"
"$python" -m mutmut run >/dev/null 2>&1 || true
"$python" -m mutmut results --all true > "$work/results.txt"
grep ": survived" "$work/results.txt" || true
killed=$(grep -c ": killed" "$work/results.txt" || true)
survived=$(grep -c ": survived" "$work/results.txt" || true)
echo "killed $killed, survived $survived of $((killed + survived)) (folder: $work)"
