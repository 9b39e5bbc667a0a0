"""Helpers every command shares: opening the database named by the global options."""

import argparse

from desa_budget.store import Database, open_database


def open_from_args(args: argparse.Namespace) -> Database:
    """The database chosen by ``--db URL`` or ``--data-dir DIR`` (default: the user's data folder)."""
    return open_database(data_dir=getattr(args, "data_dir", None), url=getattr(args, "db", None))
