"""The exchange bundle (``.zhigai``): one assessment with its photos, to carry from a site visit
to the service group's database.

A bundle is a zip file holding exactly::

    manifest.json              format, versions, the assessment's id and revision, and the
                               name, size and SHA-256 of every other entry
    assessment.json            the assessment (the same JSON as ``zhigai new`` writes)
    photos/<sha256>.jpg|png    the evidence photos the assessment refers to

:func:`read_bundle` checks everything before anything touches a store: the file and entry
sizes, the number of entries, entry names (no absolute paths, ``..``, backslashes or
duplicates), compression ratios (zip bombs), encryption and links, the manifest's format and
version, the hash and size of every entry, the assessment against its schema and its
questionnaire (which must be installed, with the same content), and every photo (a real JPEG or
PNG within the limits, referenced by the assessment). Any problem raises :class:`BundleError`
naming it; a bundle is imported whole or not at all (see :mod:`zhigai.core.merge`).
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
import stat
import tempfile
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..assessment.checking import check_against
from ..assessment.model import Assessment, parse_assessment
from ..base.diagnostics import DataFileError
from ..base.private import set_mode

if TYPE_CHECKING:
    from ..questionnaire.catalog import Catalog
    from ..store.store import Store

FORMAT = "zhigai-bundle"
FORMAT_VERSION = 1
SUFFIX = ".zhigai"
MANIFEST = "manifest.json"
ASSESSMENT = "assessment.json"
PHOTO_NAME = re.compile(r"^photos/([0-9a-f]{64})\.(jpg|png)$")


@dataclass(frozen=True)
class Limits:
    """What a bundle may hold. A visit's photos are a few MB each; the limits leave room for a
    full assessment with 12 photos on every question of one dimension, no more."""

    max_file_bytes: int = 300 * 1024 * 1024     # the bundle file itself
    max_total_bytes: int = 400 * 1024 * 1024    # all entries, uncompressed
    max_entries: int = 1000
    max_json_bytes: int = 8 * 1024 * 1024       # manifest.json, assessment.json
    max_photo_bytes: int = 10 * 1024 * 1024
    max_ratio: float = 100.0                    # uncompressed / compressed, per entry


DEFAULT_LIMITS = Limits()


class BundleError(ValueError):
    """A bundle that cannot be imported (or written); the message names the problem, ``zh``
    says it in Chinese. Nothing was changed."""

    def __init__(self, message: str, zh: str, path: str | None = None):
        self.path = path
        self.message = f"{path}: {message}" if path else message
        self.zh = f"{path}：{zh}" if path else zh
        super().__init__(self.message)

    def text(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.message


@dataclass
class Bundle:
    """A validated bundle, read into memory."""

    path: str
    manifest: dict[str, Any]
    assessment: Assessment
    photos: dict[str, bytes] = field(default_factory=dict)

    @property
    def revision(self) -> int:
        value = self.manifest.get("assessment", {}).get("revision", 0)
        return value if isinstance(value, int) else 0


# ---------------------------------------------------------------------------- writing

def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def bundle_bytes(assessment: Assessment, photos: dict[str, bytes], revision: int = 0,
                 app_version: str | None = None, company: str = "") -> bytes:
    """The bundle of an assessment and the photos it refers to, as bytes."""
    from ... import __version__
    from ..assessment.photos import EXTENSION
    from ..base.clock import now_iso

    entries: list[tuple[str, bytes]] = [(ASSESSMENT, assessment.to_json().encode("utf-8"))]
    for evidence in assessment.evidence.values():
        for photo in evidence.photos:
            data = photos.get(photo.sha256)
            if data is None:
                raise BundleError(f"photo {photo.name} ({photo.sha256[:12]}…) has no image data "
                                  "in the store", f"照片 {photo.name} 在数据库中没有图像数据")
            name = f"photos/{photo.sha256}.{EXTENSION[photo.mime]}"
            if name not in dict(entries):
                entries.append((name, data))
    manifest = {
        "format": FORMAT, "format_version": FORMAT_VERSION,
        "created_at": now_iso(), "created_by": f"zhigai {app_version or __version__}",
        "assessment": {"id": assessment.id, "revision": revision, "kind": assessment.kind,
                       "company": company, "updated_at": assessment.updated_at,
                       "changes": len(assessment.audit)},
        "questionnaire": assessment.questionnaire.model_dump(),
        "files": [{"name": name, "size": len(data), "sha256": _sha(data)}
                  for name, data in entries],
    }
    _within_limits(entries, DEFAULT_LIMITS)
    out = io.BytesIO()
    manifest_data = (json.dumps(manifest, ensure_ascii=False, indent=2) + "\n").encode()
    with zipfile.ZipFile(out, "w") as zf:
        for name, data in [(MANIFEST, manifest_data), *entries]:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            # photos are compressed already; storing them keeps export fast
            info.compress_type = (zipfile.ZIP_STORED if name.startswith("photos/")
                                  else zipfile.ZIP_DEFLATED)
            zf.writestr(info, data)
    return out.getvalue()


def _within_limits(entries: list[tuple[str, bytes]], limits: Limits) -> None:
    """Refuse to write a bundle every other machine would refuse to import."""
    data = dict(entries)[ASSESSMENT]
    if len(data) > limits.max_json_bytes:
        mb, most = len(data) / 1024 / 1024, limits.max_json_bytes // 1024 // 1024
        raise BundleError(f"the assessment's data is {mb:.1f} MB; a bundle may hold at most "
                          f"{most} MB (another machine would refuse it)",
                          f"评估数据有 {mb:.1f} MB，数据包最多 {most} MB（其他电脑将无法导入）")
    if len(entries) + 1 > limits.max_entries:
        raise BundleError(f"{len(entries) - 1} photos; a bundle may hold at most "
                          f"{limits.max_entries - 2}", f"照片有 {len(entries) - 1} 张，"
                          f"数据包最多 {limits.max_entries - 2} 张")
    total = sum(len(d) for _n, d in entries)
    if total > limits.max_total_bytes or total > limits.max_file_bytes:
        most = min(limits.max_total_bytes, limits.max_file_bytes) // 1024 // 1024
        raise BundleError(f"the bundle would be {total // 1024 // 1024} MB; at most {most} MB",
                          f"数据包将有 {total // 1024 // 1024} MB，最多 {most} MB")


def export_bundle(store: Store, assessment_id: str, path: str | Path) -> Path:
    """Write the stored assessment (with its photos) to ``path`` atomically."""
    assessment = store.load(assessment_id)
    row = store.row(assessment_id)
    data = bundle_bytes(assessment, store.attachments(assessment_id), row.revision,
                        company=row.company_name)
    target = Path(path)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".zhigai-", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise BundleError(f"cannot write in {target.parent}: {exc.strerror or exc}",
                          f"无法写入文件夹 {target.parent}：{exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        set_mode(tmp)   # a firm's data and photos: the user's own until handed on
        os.replace(tmp, target)
    except OSError as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise BundleError(f"cannot write {target}: {exc.strerror or exc}",
                          f"无法写入 {target}：{exc.strerror or exc}") from None
    return target


# ---------------------------------------------------------------------------- reading

def _bad(path: str, message: str, zh: str) -> BundleError:
    return BundleError(message, zh, path)


def _check_name(path: str, name: str) -> None:
    """Entry names must be plain relative paths: no absolute paths, drive letters,
    backslashes, ``..`` or empty parts, no control characters."""
    shown = name.encode("unicode_escape").decode("ascii")[:120]
    if (not name or name.startswith("/") or "\\" in name or ":" in name
            or any(part in ("", ".", "..") for part in name.split("/"))
            or any(unicodedata.category(c) in ("Cc", "Cf", "Cs") for c in name)
            or len(name) > 200):
        raise _bad(path, f"unsafe entry name {shown!r} (absolute path, '..', backslash or "
                         "control character)", f"包含不安全的文件名 {shown!r}（绝对路径、'..'、"
                                               "反斜杠或控制字符）")


def _read_entry(path: str, zf: zipfile.ZipFile, info: zipfile.ZipInfo, limit: int) -> bytes:
    """Read an entry, never more than its declared size (nor ``limit``) even when the header
    lies; the zip module checks the CRC."""
    declared = info.file_size
    try:
        with zf.open(info) as fh:
            data = fh.read(min(declared, limit) + 1)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError,
            NotImplementedError, RuntimeError) as exc:
        raise _bad(path, f"entry {info.filename} cannot be read ({type(exc).__name__}: "
                         f"{str(exc)[:80]})", f"其中的 {info.filename} 无法读取（文件已损坏）"
                   ) from None
    except Exception as exc:  # zlib.error and friends from a damaged stream
        raise _bad(path, f"entry {info.filename} is damaged ({type(exc).__name__})",
                   f"其中的 {info.filename} 已损坏") from None
    if len(data) != declared:
        raise _bad(path, f"entry {info.filename} holds {len(data)} bytes, its header says "
                         f"{declared}", f"其中的 {info.filename} 大小与记录不符")
    return data


def _json(path: str, name: str, data: bytes) -> Any:
    try:
        return json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError, RecursionError) as exc:
        raise _bad(path, f"{name} is not valid UTF-8 JSON ({str(exc)[:80]})",
                   f"{name} 不是有效的 UTF-8 JSON") from None


def read_bundle(path: str | Path, catalog: Catalog,
                limits: Limits = DEFAULT_LIMITS) -> Bundle:
    """Open and check a bundle completely (see the module text). Raises BundleError."""
    p = Path(path)
    where = str(p)
    try:
        size = p.stat().st_size
    except OSError as exc:
        raise _bad(where, f"cannot be read: {exc.strerror or exc}",
                   f"无法读取：{exc.strerror or exc}") from None
    if size > limits.max_file_bytes:
        raise _bad(where, f"is {size // 1024 // 1024} MB; bundles may be at most "
                          f"{limits.max_file_bytes // 1024 // 1024} MB",
                   f"文件有 {size // 1024 // 1024} MB，超过 "
                   f"{limits.max_file_bytes // 1024 // 1024} MB 的上限")
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise _bad(where, f"cannot be read: {exc.strerror or exc}",
                   f"无法读取：{exc.strerror or exc}") from None
    return read_bundle_bytes(raw, catalog, where, limits)


def read_import_file(path: str | Path, catalog: Catalog) -> Bundle:
    """A bundle, or a plain assessment JSON file (no photos) checked the same way."""
    p = Path(path)
    if p.suffix.lower() != ".json":
        return read_bundle(p, catalog)
    where = str(p)
    try:
        if p.stat().st_size > DEFAULT_LIMITS.max_json_bytes:
            raise _bad(where, "is too large for an assessment file", "文件过大，不是评估文件")
        data = p.read_bytes()
    except OSError as exc:
        raise _bad(where, f"cannot be read: {exc.strerror or exc}",
                   f"无法读取：{exc.strerror or exc}") from None
    doc = _json(where, p.name, data)
    aid = doc.get("id") if isinstance(doc, dict) else None
    manifest = {"assessment": {"id": aid if isinstance(aid, str) else ""}}
    assessment = _read_assessment(where, data, manifest, catalog)
    if assessment.evidence and any(e.photos for e in assessment.evidence.values()):
        raise _bad(where, "refers to photos, which only a .zhigai bundle can carry",
                   "引用了照片，只有 .zhigai 数据包才能携带照片")
    return Bundle(where, manifest, assessment, {})


def _directory_size(raw: bytes) -> tuple[int, int] | None:
    """The entry count and central directory size the zip's end record declares (read
    before the zip module reads a directory of millions of entries), or None when there is
    no end record (the zip module then says what is wrong)."""
    tail = raw[-(65535 + 22):]
    at = tail.rfind(b"PK\x05\x06")
    if at < 0 or len(tail) - at < 22:
        return None
    entries = int.from_bytes(tail[at + 10:at + 12], "little")
    size = int.from_bytes(tail[at + 12:at + 16], "little")
    if entries == 0xFFFF or size == 0xFFFFFFFF:   # zip64: the real figures are elsewhere
        return (1 << 32, 1 << 32)
    return entries, size


def read_bundle_bytes(raw: bytes, catalog: Catalog, where: str = "<bundle>",
                      limits: Limits = DEFAULT_LIMITS) -> Bundle:
    if len(raw) > limits.max_file_bytes:
        raise _bad(where, "is too large", "文件过大")
    declared = _directory_size(raw)
    if declared is not None and (declared[0] > limits.max_entries
                                 or declared[1] > limits.max_entries * 512):
        raise _bad(where, f"declares {declared[0]} entries; at most {limits.max_entries}",
                   f"声明包含 {declared[0]} 个文件，上限 {limits.max_entries} 个")
    try:
        zf = zipfile.ZipFile(io.BytesIO(raw))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, EOFError, ValueError,
            NotImplementedError, IndexError, KeyError, OverflowError) as exc:
        raise _bad(where, f"is not a Zhigai bundle (not a readable zip file: "
                          f"{str(exc)[:80]})", "不是智改数据包（无法作为 zip 文件读取）") from None
    with zf:
        infos = zf.infolist()
        _check_entries(where, infos, limits)
        by_name = {i.filename: i for i in infos}
        manifest = _read_manifest(where, zf, by_name, limits)
        listed = {f["name"]: f for f in manifest["files"]}
        for name in by_name:
            if name != MANIFEST and name not in listed:
                raise _bad(where, f"entry {name} is not listed in the manifest",
                           f"其中的 {name} 未在清单中列出")
        contents: dict[str, bytes] = {}
        for name, entry in listed.items():
            info = by_name.get(name)
            if info is None:
                raise _bad(where, f"the manifest lists {name}, which is missing",
                           f"清单列出的 {name} 不存在")
            if info.file_size != entry["size"]:
                raise _bad(where, f"{name} has {info.file_size} bytes, the manifest says "
                                  f"{entry['size']}", f"{name} 的大小与清单不符")
            limit = limits.max_json_bytes if name == ASSESSMENT else limits.max_photo_bytes
            data = _read_entry(where, zf, info, limit)
            if _sha(data) != entry["sha256"]:
                raise _bad(where, f"{name} does not match its SHA-256 in the manifest (changed "
                                  "or damaged)",
                           f"{name} 与清单中的 SHA-256 不符（已被改动或损坏）")
            contents[name] = data
    if ASSESSMENT not in contents:
        raise _bad(where, f"has no {ASSESSMENT}", f"缺少 {ASSESSMENT}")
    assessment = _read_assessment(where, contents[ASSESSMENT], manifest, catalog)
    photos = _check_photos(where, assessment, contents)
    return Bundle(where, manifest, assessment, photos)


def _check_entries(where: str, infos: list[zipfile.ZipInfo], limits: Limits) -> None:
    if len(infos) > limits.max_entries:
        raise _bad(where, f"has {len(infos)} entries; at most {limits.max_entries}",
                   f"包含 {len(infos)} 个文件，上限 {limits.max_entries} 个")
    seen: set[str] = set()
    total = 0
    for info in infos:
        name = info.filename
        _check_name(where, name)
        folded = unicodedata.normalize("NFC", name).casefold()
        if folded in seen:
            raise _bad(where, f"has the entry {name} twice", f"文件 {name} 出现了两次")
        seen.add(folded)
        if info.flag_bits & 0x1:
            raise _bad(where, f"entry {name} is encrypted", f"其中的 {name} 已加密，无法读取")
        mode = (info.external_attr >> 16) & 0xFFFF
        if info.is_dir() or stat.S_IFMT(mode) not in (0, stat.S_IFREG):
            raise _bad(where, f"entry {name} is a folder or link, not a file",
                       f"其中的 {name} 是文件夹或链接，不是普通文件")
        if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
            raise _bad(where, f"entry {name} uses an unsupported compression "
                              f"({info.compress_type})", f"其中的 {name} 使用了不支持的压缩方式")
        if name not in (MANIFEST, ASSESSMENT) and not PHOTO_NAME.match(name):
            raise _bad(where, f"unexpected entry {name} (a bundle holds manifest.json, "
                              "assessment.json and photos/<sha256>.jpg|png)",
                       f"包含不应有的文件 {name}")
        limit = limits.max_photo_bytes if name.startswith("photos/") else limits.max_json_bytes
        if info.file_size > limit:
            raise _bad(where, f"entry {name} is {info.file_size} bytes; at most {limit}",
                       f"其中的 {name} 有 {info.file_size} 字节，超过上限 {limit}")
        ratio = info.file_size / max(info.compress_size, 1)
        if ratio > limits.max_ratio:
            raise _bad(where, f"entry {name} expands {ratio:.0f}-fold (at most "
                              f"{limits.max_ratio:.0f}): refused as a possible zip bomb",
                       f"其中的 {name} 压缩比为 {ratio:.0f} 倍，疑似压缩炸弹，已拒绝")
        total += info.file_size
        if total > limits.max_total_bytes:
            raise _bad(where, f"expands to more than {limits.max_total_bytes // 1024 // 1024} MB",
                       f"解压后超过 {limits.max_total_bytes // 1024 // 1024} MB")
    if MANIFEST not in seen:
        raise _bad(where, "is not a Zhigai bundle (no manifest.json)",
                   "不是智改数据包（缺少 manifest.json）")


def _read_manifest(where: str, zf: zipfile.ZipFile, by_name: dict[str, zipfile.ZipInfo],
                   limits: Limits) -> dict[str, Any]:
    data = _read_entry(where, zf, by_name[MANIFEST], limits.max_json_bytes)
    manifest = _json(where, MANIFEST, data)
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _bad(where, f"is not a Zhigai bundle (manifest format must be \"{FORMAT}\")",
                   "不是智改数据包（清单格式不对）")
    version = manifest.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _bad(where, f"manifest.json: format_version {version!r} is not a version number",
                   "清单中的格式版本无效")
    if version > FORMAT_VERSION:
        raise _bad(where, f"was made by a newer Zhigai (bundle format {version}; this version "
                          f"reads up to {FORMAT_VERSION}); update Zhigai",
                   f"由更新版本的智改生成（数据包格式 {version}），请先升级智改")
    files = manifest.get("files")
    if not isinstance(files, list):
        raise _bad(where, "manifest.json: 'files' must be a list", "清单中的 files 必须是列表")
    names: set[str] = set()
    for number, entry in enumerate(files, 1):
        if (not isinstance(entry, dict) or not isinstance(entry.get("name"), str)
                or not isinstance(entry.get("size"), int) or isinstance(entry.get("size"), bool)
                or not isinstance(entry.get("sha256"), str)
                or not re.fullmatch(r"[0-9a-f]{64}", entry["sha256"])):
            raise _bad(where, f"manifest.json: files[{number}] needs a name, a size and a "
                              "sha256 (64 hex digits)", f"清单第 {number} 项缺少名称、大小或哈希")
        if entry["name"] in names or entry["name"] == MANIFEST:
            raise _bad(where, f"manifest.json lists {entry['name']} twice",
                       f"清单重复列出 {entry['name']}")
        names.add(entry["name"])
    head = manifest.get("assessment")
    if not isinstance(head, dict) or not isinstance(head.get("id"), str):
        raise _bad(where, "manifest.json: 'assessment' must give the assessment's id",
                   "清单中缺少评估编号")
    return manifest


def _read_assessment(where: str, data: bytes, manifest: dict[str, Any],
                     catalog: Catalog) -> Assessment:
    from ..questionnaire.catalog import CatalogError

    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        raise _bad(where, f"{ASSESSMENT} is not UTF-8 text", f"{ASSESSMENT} 不是 UTF-8 文本"
                   ) from None
    try:
        assessment = parse_assessment(text, f"{where}!{ASSESSMENT}")
    except DataFileError as exc:
        first = exc.problems[0]
        more = len(exc.problems) - 1
        raise BundleError(first.format() + (f" (and {more} more)" if more else ""),
                          "评估数据无效：" + first.format()) from None
    except RecursionError:
        raise _bad(where, f"{ASSESSMENT} is nested too deeply", f"{ASSESSMENT} 嵌套过深") from None
    if assessment.id != manifest["assessment"]["id"]:
        raise _bad(where, f"the manifest names assessment {manifest['assessment']['id']!r} but "
                          f"{ASSESSMENT} holds {assessment.id!r}", "清单与评估数据的编号不一致")
    ref = assessment.questionnaire
    try:
        base = catalog.get(ref.id, ref.version)
    except CatalogError:
        raise _bad(where, f"uses questionnaire {ref.id} version {ref.version}, which this "
                          "Zhigai does not have; update Zhigai to import it",
                   f"使用的问卷 {ref.id} {ref.version} 版本在本机没有，请先升级智改") from None
    if ref.hash and ref.hash != base.hash:
        raise _bad(where, f"questionnaire {ref.id} {ref.version} differs from the one installed "
                          "here (content hash); it cannot be merged safely",
                   f"问卷 {ref.id} {ref.version} 的内容与本机不同，无法安全导入")
    try:
        instrument, _warnings = catalog.instrument_for(assessment)
    except (CatalogError, LookupError) as exc:
        raise _bad(where, f"cannot be checked against its questionnaire: {exc}",
                   f"无法与问卷核对：{exc}") from None
    errors = [p for p in check_against(assessment, instrument, f"{where}!{ASSESSMENT}")
              if p.severity == "error"]
    if errors:
        more = len(errors) - 1
        raise BundleError(errors[0].format() + (f" (and {more} more)" if more else ""),
                          "评估数据与问卷不符：" + errors[0].format())
    return assessment


def _check_photos(where: str, assessment: Assessment,
                  contents: dict[str, bytes]) -> dict[str, bytes]:
    from ..assessment.photos import EXTENSION, PhotoProblem, check_image

    bundled = {m.group(1): (name, data) for name, data in contents.items()
               if (m := PHOTO_NAME.match(name))}
    referenced = {p.sha256: p for e in assessment.evidence.values() for p in e.photos}
    for sha, photo in referenced.items():
        if sha not in bundled:
            raise _bad(where, f"photo {photo.name} ({sha[:12]}…) is referenced but not in the "
                              "bundle", f"缺少照片 {photo.name}")
    photos: dict[str, bytes] = {}
    for sha, (name, data) in bundled.items():
        if sha not in referenced:
            raise _bad(where, f"{name} is not referenced by the assessment",
                       f"{name} 未被评估引用")
        if _sha(data) != sha:
            raise _bad(where, f"{name} is not named by its SHA-256", f"{name} 的名称与内容不符")
        try:
            checked = check_image(data, name)
        except PhotoProblem as exc:
            raise BundleError(f"{where}: {exc.message}", f"{where}：{exc.zh}") from None
        expected = referenced[sha]
        if checked.mime != expected.mime or not name.endswith("." + EXTENSION[checked.mime]) \
                or checked.size != expected.size:
            raise _bad(where, f"{name} is not the {expected.mime} of {expected.size} bytes the "
                              "assessment describes", f"{name} 与评估中的描述不符")
        photos[sha] = data
    return photos
