"""Helpers every command shares: opening the database named by the global options, the year, rupiah."""

import argparse
import re
from datetime import date

from desa_budget.errors import UserError
from desa_budget.store import secrets
from desa_budget.store.database import Database
from desa_budget.store.opening import open_database

_DIGITS = re.compile(r"[0-9]{1,15}")


def open_from_args(args: argparse.Namespace) -> Database:
    """The database chosen by ``--db URL`` or ``--data-dir DIR`` (default: the user's data folder).
    A server URL without its password gets the one the window kept in the credential store."""
    url: str | None = getattr(args, "db", None)
    return open_database(
        data_dir=getattr(args, "data_dir", None), url=secrets.complete_url(url) if url else None
    )


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
