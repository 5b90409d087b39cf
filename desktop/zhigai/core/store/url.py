"""The display form of a database URL and of texts that may hold one: passwords are never
shown or logged. :attr:`Store.url` stays the real URL (it is what connects); everything a
person or a log sees goes through :func:`display_url` or :func:`mask_secrets`.

Plain string work, no SQLAlchemy: the status bar and the About dialog use it at start-up."""

from __future__ import annotations

import re
from urllib.parse import unquote

from ..base.paths import sqlite_path

MASK = "***"

# query or connection-string keys whose value is a secret (libpq's password, sslpassword...)
_SECRET_KEY = r"[A-Za-z_]*(?:pass(?:word|wd)?|pwd|secret|token|api_?key)[A-Za-z_]*"
_KEY_VALUE = re.compile(r"(?i)\b(" + _SECRET_KEY + r")(\s*=\s*)('(?:[^'\\]|\\.)*'|\"[^\"]*\"|"
                        r"[^\s&;,'\"]+)")
# scheme://userinfo@ in free text: the userinfo runs to the last @ before a blank or a quote
_URL_USERINFO = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*://)([^\s'\"<>]*)@")


def display_url(url: str | None) -> str:
    """What may be shown of the store ``url``: an SQLite file's path, a database URL with its
    password (and any secret query value) as ``***``; a plain path as it is. Never the text
    between ``user:`` and ``@``, however the password is written (even unencoded ``@ : /``)."""
    if not url:
        return ""
    path = sqlite_path(url)
    if path is not None:
        return str(path)
    if "://" not in url:  # a file path, a keyword connection string, or garbage
        if re.match(r"[/\\~.]|[A-Za-z]:[/\\]", url) and "=" not in url:
            return url  # a file path (C:\Users\a@b\... too)
        before, at, after = url.rpartition("@")
        return _mask_key_values(MASK + "@" + after if at and ":" in before else url)
    scheme, rest = _mask_key_values(url).split("://", 1)  # ?password=... first
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9+.\-]*", scheme):
        return MASK
    userinfo, at, hostpart = rest.rpartition("@")
    shown = scheme + "://"
    if at:
        user, colon, _password = userinfo.partition(":")
        shown += user + (":" + MASK if colon else "") + "@"
    else:  # no @: "host:port" is fine, "user:password" (an unusable URL) is not
        netloc = re.split(r"[/?]", hostpart, maxsplit=1)[0]
        host, colon, port = netloc.rpartition(":")
        if colon and not netloc.endswith("]") and not port.isdigit():
            return shown + host + ":" + MASK
    return shown + _mask_key_values(hostpart)


def host_port(url: str) -> str:
    """``host:port`` of a server URL (PostgreSQL's default port when none is given), for
    messages; empty when there is none (SQLite, a socket folder)."""
    if "://" not in url or sqlite_path(url) is not None:
        return ""
    rest = url.split("://", 1)[1].rpartition("@")[2]
    netloc = re.split(r"[/?]", rest, maxsplit=1)[0]
    if not netloc:
        return ""
    if netloc.startswith("["):  # [ipv6]:port
        host, _, port = netloc[1:].partition("]")
        port = port.removeprefix(":")
        host = f"[{host}]"
    else:
        host, _, port = netloc.rpartition(":") if ":" in netloc else (netloc, "", "")
    if port and not port.isdigit():  # not a port: maybe a password, never shown
        port = ""
    default = "5432" if url.lower().startswith("postgres") else ""
    port = port or default
    return f"{host}:{port}" if port else host


def url_password(url: str) -> str:
    """The password written in ``url`` (empty when none), to mask it wherever it appears."""
    match = _KEY_VALUE.search(url)
    if match:
        return match.group(3).strip("'\"")
    rest = url.split("://", 1)[1] if "://" in url else url
    userinfo, at, _ = rest.rpartition("@")
    if at:
        return userinfo.partition(":")[2]
    if "://" not in url:
        return ""
    _user, colon, after = rest.partition(":")  # "user:password" without a host?
    port = re.split(r"[/?]", after, maxsplit=1)[0]
    return "" if not colon or port.isdigit() or "]" in rest else after


def mask_secrets(text: str, url: str | None = None) -> str:
    """``text`` (an error message, a trace) with every URL password, every ``password=``
    value and, when ``url`` is given, its password written anywhere replaced by ``***``."""
    if url:
        secret = url_password(url)
        for form in {secret, unquote(secret)}:
            if len(form) >= 3:  # a one- or two-letter password would garble the text
                text = text.replace(form, MASK)
    text = _URL_USERINFO.sub(_mask_userinfo, text)
    return _mask_key_values(text)


def _mask_userinfo(match: re.Match[str]) -> str:
    user, colon, _ = match.group(2).partition(":")
    return match.group(1) + user + (":" + MASK if colon else "") + "@"


def _mask_key_values(text: str) -> str:
    return _KEY_VALUE.sub(lambda m: m.group(1) + m.group(2) + MASK, text)
