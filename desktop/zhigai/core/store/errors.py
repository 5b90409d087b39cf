"""Why a store cannot be used: :class:`StoreError` with a ``kind`` the GUI can act on and a
message that says what to do."""

from __future__ import annotations

from typing import Any, Literal

StoreErrorKind = Literal["damaged", "newer", "readonly", "unavailable", "foreign", "missing",
                         "conflict", "outdated", "disconnected"]


class StoreError(RuntimeError):
    """The store cannot be used; ``kind`` says why, the message says what to do.

    ``outdated``: a shared (server) database of an older schema, which only its
    administrator migrates (``zhigai db upgrade``).
    ``disconnected``: the connection to a database server was lost (or could not be made)
    during the call; nothing was saved, and the same call can simply be made again later.
    ``conflict``: a write refused because the assessment was saved by someone else since it
    was read (``revision`` is the stored one now); nothing was changed."""

    def __init__(self, kind: StoreErrorKind, message: str, location: str | None = None,
                 revision: int | None = None):
        self.kind = kind
        self.location = location
        self.revision = revision
        self.changes: list[Any] = []   # a conflict: the audit entries others saved since
        self.mine: Any = None           # a conflict: the writer's copy with the refused edit
        self.mine_photos: dict[str, bytes] = {}   # ... and the photos only it has
        super().__init__(message)


# how database drivers say that the server went away or cannot be reached
_CONNECTION_LOST = ("server closed the connection", "connection refused", "could not connect",
                    "terminating connection", "connection timed out", "timeout expired",
                    "no connection to the server", "connection is closed", "connection reset",
                    "consuming input failed", "ssl syscall", "network is unreachable",
                    "could not receive data", "could not send data")


def database_error(exc: BaseException, location: str | None, url: str | None = None
                   ) -> StoreError:
    """The driver's error ``exc`` as a StoreError; its text never shows a password (a
    PostgreSQL driver's message can hold the connection string)."""
    from .url import mask_secrets

    shown = mask_secrets(str(getattr(exc, "orig", exc) or exc), url).strip()
    text = shown.lower()
    where = location or "the store"
    if "readonly" in text or "read-only" in text or "permission" in text:
        return StoreError("readonly", f"{where} is read-only: Zhigai cannot save there. Choose "
                                      "another folder for the store.", location)
    if "not a database" in text or "malformed" in text or "corrupt" in text:
        return StoreError("damaged", f"{where} is damaged or is not a Zhigai store ({shown}). "
                                     "It was not changed. Choose another store, or restore a "
                                     "backup copy.", location)
    if "foreign key" in text:
        return StoreError("missing", f"the assessment is no longer in {where} (deleted "
                                     "elsewhere?); the change was not saved", location)
    if "unable to open" in text:
        return StoreError("readonly", f"{where} cannot be created or opened: the folder may be "
                                      "read-only or missing. Choose another folder for the "
                                      "store.", location)
    if "locked" in text or "busy" in text:
        return StoreError("unavailable", f"{where} is in use by another program (database is "
                                         "locked). Close the other program and try again.",
                          location)
    if "disk" in text and "full" in text:
        return StoreError("unavailable", f"the disk holding {where} is full; free some space. "
                                         "Your last change was not saved.", location)
    if getattr(exc, "connection_invalidated", False) or any(
            sign in text for sign in _CONNECTION_LOST):
        return StoreError("disconnected", f"the connection to {where} was lost ({shown}); "
                                          "the change was not saved yet. Zhigai tries again; "
                                          "check the network or ask the database "
                                          "administrator whether the server is running.",
                          location)
    if "statement timeout" in text:
        return StoreError("unavailable", f"the database server of {where} took too long to "
                                         "answer and the request was cancelled; try again, "
                                         "or ask the database administrator whether the "
                                         "server is overloaded.", location)
    return StoreError("unavailable", f"{where} cannot be used: {shown}", location)
