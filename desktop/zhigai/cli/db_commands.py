"""``zhigai db``: the store's schema version, and upgrading a store (the administrator's step
for a shared PostgreSQL database, which a client never migrates by itself)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any


def cmd_db_status(args: argparse.Namespace) -> int:
    from ..core.base.paths import default_db_url, sqlite_path
    from ..core.store import schema
    from ..core.store.errors import StoreError
    from ..core.store.migrate import version_at
    from ..core.store.url import display_url

    url = args.db or default_db_url()
    path = sqlite_path(url)
    if path is not None and not path.is_file():
        print(f"zhigai db status: there is no store file {path}", file=sys.stderr)
        return 1
    try:
        version = version_at(url)
    except StoreError as error:
        print(f"zhigai db status: {error}", file=sys.stderr)
        return 1
    except Exception as error:  # a driver's error: its text masked
        from ..core.store.url import mask_secrets

        print(f"zhigai db status: {display_url(url)}: {mask_secrets(str(error), url)}",
              file=sys.stderr)
        return 1
    state = ("empty" if version == 0 else "current" if version == schema.SCHEMA_VERSION
             else "needs 'zhigai db upgrade'" if version < schema.SCHEMA_VERSION
             else "written by a newer Zhigai (this version opens it read-only)")
    print(f"{display_url(url)}: store version {version} (this Zhigai: "
          f"{schema.SCHEMA_VERSION}); {state}")
    return 0


def cmd_db_upgrade(args: argparse.Namespace) -> int:
    from ..core.base.paths import default_db_url
    from ..core.store import schema
    from ..core.store.errors import StoreError
    from ..core.store.migrate import upgrade
    from ..core.store.url import display_url

    url = args.db or default_db_url()
    folder = Path(args.backup_dir) if args.backup_dir else None
    try:
        before, backup = upgrade(url, folder, backup=not args.no_backup)
    except StoreError as error:
        print(f"zhigai db upgrade: {error}", file=sys.stderr)
        return 1
    where = display_url(url)
    if before >= schema.SCHEMA_VERSION:
        print(f"{where}: already at store version {before}; nothing to do")
        return 0
    if backup is not None:
        print(f"backup: {backup}")
    elif before and args.no_backup:
        print("no backup made (--no-backup)")
    print(f"{where}: store version {before} -> {schema.SCHEMA_VERSION}"
          if before else f"{where}: store created (version {schema.SCHEMA_VERSION})")
    return 0


def register(sub: Any) -> None:
    p = sub.add_parser("db", help="the store's schema: its version, and upgrading it "
                                  "(a shared PostgreSQL database is upgraded only this way)")
    db = p.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    status = db.add_parser("status", help="the store's schema version and what it needs")
    status.add_argument("--db", metavar="URL", help="store (default: the application's)")
    status.set_defaults(func=cmd_db_status)
    up = db.add_parser("upgrade", help="back the store up, then migrate it to this version "
                                       "(in one transaction, under a lock)")
    up.add_argument("--db", metavar="URL", help="store (default: the application's)")
    up.add_argument("--backup-dir", metavar="DIR",
                    help="where pg_dump writes the backup of a server database (default: the "
                         "current folder); an SQLite file is copied beside itself")
    up.add_argument("--no-backup", action="store_true",
                    help="migrate without a backup (when you made one yourself)")
    up.set_defaults(func=cmd_db_upgrade)
