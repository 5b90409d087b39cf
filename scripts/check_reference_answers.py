"""Check the answers of reference firms against the questionnaire without scoring them.

    python scripts/check_reference_answers.py examples/reference/*/assessment.json

Prints every problem (unknown question, option or profile field, a value out of range) and,
with ``--fix-refs``, writes the questionnaire's and modules' versions and hashes into the file.
It never prints a level or a stage: whoever answers for a reference firm answers as its owner
would, not towards a verdict.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from zhigai.core.assessment.checking import check_against
from zhigai.core.assessment.model import DocRef, load_assessment
from zhigai.core.base.datafile import DataFileError
from zhigai.core.questionnaire.catalog import default_catalog


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("files", nargs="+", type=Path)
    parser.add_argument("--fix-refs", action="store_true",
                        help="write questionnaire and module versions and hashes into the files")
    args = parser.parse_args(argv)
    catalog = default_catalog()
    bad = 0
    for path in args.files:
        try:
            assessment = load_assessment(path)
        except DataFileError as exc:
            bad += 1
            print(f"{path}: {exc}")
            continue
        ref = assessment.questionnaire
        base = catalog.get(ref.id, ref.version)
        plain = catalog.instrument(ref.id, ref.version)
        instrument = catalog.instrument(ref.id, ref.version, assessment.industry(plain))
        problems = check_against(assessment, instrument, str(path))
        for p in problems:
            print(p)
        bad += sum(1 for p in problems if p.severity != "warning")
        unanswered = [q.id for q in instrument.questions if q.id not in assessment.answers]
        print(f"{path}: {len(assessment.answers)} answers, {len(problems)} problem(s); "
              f"not answered: {', '.join(unanswered) or 'none'}")
        if args.fix_refs:
            assessment.questionnaire = DocRef(id=ref.id, version=base.model.version,
                                              hash=base.hash)
            assessment.modules = [DocRef(id=m.id, version=m.version, hash=m.hash)
                                  for m in instrument.module_refs]
            path.write_text(assessment.to_json(), encoding="utf-8")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
