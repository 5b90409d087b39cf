"""Evidence photos: which files are accepted (JPEG or PNG, size- and pixel-limited, really
decodable) and small copies for the report. Pillow comes with reportlab; imported lazily."""

from __future__ import annotations

import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from ..base.diagnostics import Problem

MAX_PHOTO_BYTES = 10 * 1024 * 1024      # a phone photo is 2-6 MB
MAX_PHOTO_PIXELS = 50_000_000           # 50 megapixels; more is a decompression bomb
MAX_PHOTOS_PER_QUESTION = 12
MIME = {"JPEG": "image/jpeg", "PNG": "image/png"}
EXTENSION = {"image/jpeg": "jpg", "image/png": "png"}


class PhotoProblem(ValueError):
    """A file that cannot be used as evidence; the message says why (English and Chinese)."""

    def __init__(self, message: str, zh: str):
        super().__init__(message)
        self.message = message
        self.zh = zh

    def problem(self, where: str) -> Problem:
        return Problem(where, None, "(photo)", self.message)


@dataclass(frozen=True)
class CheckedPhoto:
    sha256: str
    mime: str
    size: int
    width: int
    height: int


def _too_large(name: str, size: int) -> PhotoProblem:
    mb, limit = size / 1024 / 1024, MAX_PHOTO_BYTES // 1024 // 1024
    return PhotoProblem(f"{name} is {mb:.1f} MB; photos may be at most {limit} MB",
                        f"{name} 有 {mb:.1f} MB，照片最大 {limit} MB")


def check_image(data: bytes, name: str = "photo") -> CheckedPhoto:
    """Accept a JPEG or PNG photo within the limits, or raise PhotoProblem."""
    if len(data) > MAX_PHOTO_BYTES:
        raise _too_large(name, len(data))
    if not data:
        raise PhotoProblem(f"{name} is empty", f"{name} 是空文件")
    if not (data.startswith(b"\xff\xd8\xff") or data.startswith(b"\x89PNG\r\n\x1a\n")):
        raise PhotoProblem(f"{name} is not a JPEG or PNG image",
                           f"{name} 不是 JPEG 或 PNG 图片")
    from PIL import Image

    try:
        with Image.open(io.BytesIO(data)) as img:
            fmt = img.format or ""
            width, height = img.size
            if width * height > MAX_PHOTO_PIXELS:
                raise PhotoProblem(f"{name} has {width}×{height} pixels; at most "
                                   f"{MAX_PHOTO_PIXELS // 1_000_000} megapixels",
                                   f"{name} 为 {width}×{height} 像素，最多 "
                                   f"{MAX_PHOTO_PIXELS // 1_000_000} 百万像素")
            img.verify()
        with Image.open(io.BytesIO(data)) as img:  # verify() leaves the image unusable
            img.load()
    except PhotoProblem:
        raise
    except Exception as exc:  # Pillow raises many kinds for broken files
        raise PhotoProblem(f"{name} is a damaged image ({type(exc).__name__})",
                           f"{name} 图片已损坏，无法打开") from None
    if fmt not in MIME:
        raise PhotoProblem(f"{name} is a {fmt or 'unknown'} image; use JPEG or PNG",
                           f"{name} 是 {fmt or '未知'} 格式，请使用 JPEG 或 PNG")
    return CheckedPhoto(hashlib.sha256(data).hexdigest(), MIME[fmt], len(data), width, height)


def read_photo(path: str | Path) -> tuple[bytes, CheckedPhoto]:
    """Read and check a photo file (PhotoProblem names the file)."""
    p = Path(path)
    try:
        size = p.stat().st_size
        if size > MAX_PHOTO_BYTES:
            raise _too_large(p.name, size)
        data = p.read_bytes()
    except OSError as exc:
        raise PhotoProblem(f"{p} cannot be read: {exc.strerror or exc}",
                           f"无法读取 {p}：{exc.strerror or exc}") from None
    return data, check_image(data, p.name)


def small_copy(data: bytes, max_side: int = 480) -> bytes:
    """A JPEG no larger than ``max_side`` pixels a side (for the report)."""
    from PIL import Image, ImageOps

    with Image.open(io.BytesIO(data)) as opened:
        img: Image.Image = ImageOps.exif_transpose(opened)
        img.thumbnail((max_side, max_side))
        if img.mode not in ("RGB", "L"):
            img = img.convert("RGB")
        out = io.BytesIO()
        img.save(out, "JPEG", quality=80)
        return out.getvalue()


def without_metadata(data: bytes) -> bytes:
    """The photo without what a camera or phone writes beside the picture (EXIF: the GPS
    position, the author, the device; XMP; PNG text chunks), turned upright first as its
    orientation said; the bytes unchanged when there is nothing to take out. Check the photo
    (:func:`check_image`) first: this expects a readable JPEG or PNG."""
    from PIL import Image, ImageOps

    with Image.open(io.BytesIO(data)) as opened:
        info = {k for k in opened.info if k not in ("dpi", "jfif", "jfif_version",
                                                    "jfif_unit", "jfif_density", "icc_profile",
                                                    "progressive", "progression", "adobe",
                                                    "adobe_transform", "gamma")}
        exif = opened.getexif()
        if not info and not len(exif):
            return data
        fmt = opened.format
        icc = opened.info.get("icc_profile")
        img: Image.Image = ImageOps.exif_transpose(opened)
        out = io.BytesIO()
        if fmt == "JPEG":
            if img.mode not in ("RGB", "L", "CMYK"):
                img = img.convert("RGB")
            img.save(out, "JPEG", quality=92, icc_profile=icc)
        else:
            img.save(out, "PNG", icc_profile=icc)
        return out.getvalue()
