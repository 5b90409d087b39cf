"""Check a printed report's fingerprint against the assessment it claims to come from."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..advice.data import AdviceData
from ..assessment.model import Assessment
from ..base.i18n import Text
from ..questionnaire.catalog import Catalog
from .fingerprint import PARTS, parse_keywords, short_code
from .model import report_fingerprint

PART_NAMES = {
    "profile": Text(zh="企业信息或评估方式", en="company profile or type of assessment"),
    "answers": Text(zh="问卷回答", en="answers"),
    "project": Text(zh="改造项目与测算参数", en="project and calculator inputs"),
    "questionnaire": Text(zh="问卷版本", en="questionnaire version"),
    "advice_data": Text(zh="措施库、政策目录或融资参数", en="measures, policy or financing data"),
    "assessment": Text(zh="评估编号", en="assessment id"),
    "altered": Text(zh="文件在智改生成后被改动过（追加了增量更新或在文件结尾之后写入了内容）",
                    en="the file was changed after Zhigai wrote it (an incremental update, or "
                       "data after its end)"),
    "printed_code": Text(zh="封面所印核验码与文件内记录不一致（文件可能被改动）",
                         en="the code printed on the cover differs from the one recorded in "
                            "the file (the file may have been altered)"),
}


class NotAReport(ValueError):
    """The file is not a Zhigai report (or not readable)."""


@dataclass
class Verification:
    assessment_id: str
    fingerprint: str
    matches: bool
    differing: list[str] = field(default_factory=list)


def report_fields(path: str | Path) -> dict[str, str]:
    """The fingerprint fields stored in a report's metadata, and under ``printed`` whether the
    cover shows the same verification code ("yes"/"no")."""
    import logging

    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    logging.getLogger("pypdf").setLevel(logging.CRITICAL)  # we say what is wrong ourselves
    try:
        reader = PdfReader(str(path))
        meta = reader.metadata
        keywords = meta.get("/Keywords") if meta is not None else None
        fields = parse_keywords(str(keywords or ""))
        if fields is None:
            raise NotAReport(f"{path}: not a Zhigai report (no fingerprint in its metadata)")
        cover = reader.pages[0].extract_text() if reader.pages else ""
    except (OSError, PdfReadError, ValueError, KeyError, IndexError) as error:
        if isinstance(error, NotAReport):
            raise
        raise NotAReport(f"{path}: cannot be read as a PDF ({error})") from None
    code = short_code(fields["fingerprint"])
    fields["printed"] = "yes" if code in re.sub(r"\s+", "", cover or "") else "no"
    return fields


def altered(path: str | Path) -> bool:
    """Whether the PDF holds more than the one body Zhigai writes: an incremental update (a
    second cross-reference section, as editors and forgers append to change a page), or
    anything but whitespace after its end."""
    try:
        raw = Path(path).read_bytes()
    except OSError as error:
        raise NotAReport(f"{path}: cannot be read ({error.strerror or error})") from None
    return (raw.count(b"startxref") != 1 or raw.count(b"%%EOF") != 1
            or not raw.rstrip().endswith(b"%%EOF"))


def verify(path: str | Path, assessment: Assessment, catalog: Catalog,
           data: AdviceData) -> Verification:
    fields = report_fields(path)
    if altered(path):
        return Verification(fields["assessment"], fields["fingerprint"], False, ["altered"])
    instrument, _warnings = catalog.instrument_for(assessment)
    current = report_fingerprint(assessment, instrument, data)
    if fields["assessment"] != assessment.id:
        return Verification(fields["assessment"], fields["fingerprint"], False, ["assessment"])
    differing = [part for part in PARTS if fields.get(part) != current.parts[part]]
    if fields.get("printed") == "no":
        differing.append("printed_code")
    matches = not differing and fields["fingerprint"] == current.value
    return Verification(fields["assessment"], fields["fingerprint"], matches, differing)


def verify_code(code: str, assessment: Assessment, catalog: Catalog,
                data: AdviceData) -> bool:
    """Whether the code printed on a paper report is the assessment's current code."""
    instrument, _warnings = catalog.instrument_for(assessment)
    current = report_fingerprint(assessment, instrument, data)
    wanted = re.sub(r"[^0-9A-F]", "", code.upper())
    return len(wanted) >= 12 and current.value.upper().startswith(wanted)


def explain(result: Verification, lang: str) -> list[str]:
    """What differs, in words, with what it means for the reader."""
    lines = []
    for part in result.differing:
        lines.append(PART_NAMES.get(part, Text(zh=part, en=part)).get(lang))
    if result.differing == ["advice_data"]:
        lines.append(Text(zh="评估本身未变；报告由另一版本的措施库、政策目录或融资参数生成。",
                          en="the assessment itself is unchanged; the report was made with "
                             "another version of the measures, policy or financing data"
                          ).get(lang))
    return lines
