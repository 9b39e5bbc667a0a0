"""Helpers every command shares: opening the database named by the global options, the year, rupiah."""

import argparse
import re
import sys
from datetime import date

from desa_budget.errors import UserError
from desa_budget.store import secrets
from desa_budget.store.database import Database
from desa_budget.store.opening import open_database

_DIGITS = re.compile(r"[0-9]{1,15}")


# Commands that only read: they run while the window has the data open. Every other command
# changes data and takes the one writer's lock (store.instance_lock), so a new command is
# refused while the window is open until it is listed here.
READING_COMMANDS = frozenset(
    {
        ("annex",), ("backup",), ("consolidate",), ("lines",), ("plan",), ("project",), ("quote",),
        ("simulate",), ("codes", "show"), ("export", "dpmd"), ("export", "sipp"),
        ("roster", "export"), ("roster", "template"), ("version", "list"), ("version", "diff"),
        ("scenario", "list"), ("scenario", "compare"), ("siskeudes", "read"),
        ("siskeudes", "compare"),
    }
)  # fmt: skip


def command_path(args: argparse.Namespace) -> tuple[str, ...]:
    """("roster", "import") for ``app.py roster import ...``."""
    subcommands = [v for k, v in vars(args).items() if k.endswith("_command") and v]
    return (getattr(args, "command", None) or "", *subcommands)


def writes(args: argparse.Namespace) -> bool:
    if getattr(args, "dry_run", False):
        return False
    if getattr(args, "save", False):  # project --save stores its assumptions
        return True
    return command_path(args) not in READING_COMMANDS


def open_from_args(args: argparse.Namespace) -> Database:
    """The database chosen by ``--db URL`` or ``--data-dir DIR`` (default: the user's data folder).
    A server URL without its password gets the one the window kept in the credential store.
    A SQLite file is held for writing or reading as the command needs; the command line's
    funnel (cli.run_command) disposes it, and so releases it, when the command ends."""
    url: str | None = getattr(args, "db", None)
    db = open_database(
        data_dir=getattr(args, "data_dir", None),
        url=secrets.complete_url(url) if url else None,
        access="write" if writes(args) else "read",
    )
    opened: list[Database] = getattr(args, "opened_databases", [])
    opened.append(db)
    args.opened_databases = opened
    if db.backup_problem is not None:
        # No change without today's backup; and a backup command cannot make its own either.
        makes_backup = command_path(args) == ("backup",) and not getattr(args, "list", False)
        if writes(args) or makes_backup:
            raise db.backup_problem
        print(f"Perhatian: cadangan harian dilewati. {db.backup_problem}", file=sys.stderr)
    return db


def year_of(args: argparse.Namespace) -> int:
    """``--year``, or this calendar year when it is not given."""
    year: int | None = getattr(args, "year", None)
    return year if year is not None else date.today().year


def parse_rupiah(text: str, what: str = "Pagu") -> int:
    """Digits only ("150000000"): dots, commas, signs and decimals are refused, never guessed."""
    if not _DIGITS.fullmatch(text.strip()):
        raise UserError(
            f"{what} '{text}' tidak sah; tulis bilangan bulat rupiah yang tidak negatif, "
            "angka saja tanpa titik (mis. 150000000)."
        )
    return int(text.strip())
