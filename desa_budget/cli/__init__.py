"""Command line: the global options, the subcommand registry and the Indonesian error funnel."""

import argparse
import importlib
import os
import sys
from collections.abc import Callable, Sequence
from types import ModuleType
from typing import Any, NoReturn

from desa_budget.collector import collector_paused
from desa_budget.errors import UserError

EXIT_USER_ERROR = 2

_TRANSLATIONS = (
    ("unrecognized arguments:", "opsi tidak dikenal:"),
    ("the following arguments are required:", "opsi wajib belum diisi:"),
    ("expected one argument", "membutuhkan satu nilai"),
    ("invalid choice:", "pilihan tidak sah:"),
    ("choose from", "pilih salah satu dari"),
    ("not allowed with argument", "tidak boleh dipakai bersama"),
    ("one of the arguments", "salah satu dari opsi"),
    ("is required", "wajib diisi"),
    ("argument ", "opsi "),
    ("ambiguous option:", "opsi ambigu:"),
    ("could match", "bisa berarti"),
    ("invalid int value:", "bukan bilangan bulat:"),
)


_HEADINGS = {"positional arguments": "perintah dan argumen", "options": "opsi"}


class IndonesianHelpFormatter(argparse.HelpFormatter):
    """Help text headings in Indonesian (argparse has no Indonesian catalog)."""

    def add_usage(
        self, usage: str | None, actions: Any, groups: Any, prefix: str | None = None
    ) -> None:
        super().add_usage(
            usage, actions, groups, prefix="Pemakaian: " if prefix is None else prefix
        )

    def start_section(self, heading: str | None) -> None:
        super().start_section(_HEADINGS.get(heading or "", heading))


class IndonesianArgumentParser(argparse.ArgumentParser):
    """argparse with its usage errors turned into one Indonesian sentence and exit status 2."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", IndonesianHelpFormatter)
        add_help = kwargs.pop("add_help", True)
        kwargs["add_help"] = False
        super().__init__(*args, **kwargs)
        if add_help:
            self.add_argument(
                "-h", "--help", action="help", help="tampilkan bantuan ini lalu keluar"
            )

    def error(self, message: str) -> NoReturn:
        for english, indonesian in _TRANSLATIONS:
            message = message.replace(english, indonesian)
        self.exit(EXIT_USER_ERROR, f"Galat: {message}. Lihat '{self.prog} --help'.\n")


# Every subcommand module (each has ``register(subparsers)`` setting ``func`` on its parsers) and
# the commands it registers, in the order of the help text: a command line naming one of them
# imports that module alone (the others load libraries it does not need).
COMMAND_MODULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("quote", ("quote",)),
    ("store_cmds", ("init", "backup", "restore")),
    ("roster_cmds", ("roster", "simulate")),
    ("budget_cmds", ("lines", "plan")),
    ("project_cmds", ("project",)),
    ("version_cmds", ("version", "scenario")),
    ("codes_cmds", ("codes", "budget-year")),
    ("annex_cmds", ("annex",)),
    ("dokumen_cmds", ("dokumen",)),
    ("export_cmds", ("export", "consolidate")),
    ("siskeudes_cmds", ("siskeudes",)),
)


def _command_modules(command: str | None = None) -> list[ModuleType]:
    """Every subcommand module, or only the one registering ``command``."""
    return [
        importlib.import_module(f"desa_budget.cli.{name}")
        for name, commands in COMMAND_MODULES
        if command is None or command in commands
    ]


def build_parser(*, commands: bool = True, only: str | None = None) -> IndonesianArgumentParser:
    """The whole command line; ``commands=False``: the global options alone, without importing
    the subcommands' modules (they load the documents' and workbooks' libraries); ``only``: the
    global options and the module registering that command."""
    parser = IndonesianArgumentParser(
        prog="app.py",
        description="Jamsos Desa: anggaran iuran BPJS Ketenagakerjaan desa.",
        add_help=commands,
    )
    parser.add_argument("--data-dir", help="folder data (basis data, cadangan, log)")
    parser.add_argument("--db", help="URL basis data SQLAlchemy, mis. postgresql+psycopg://...")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="uji semua lapisan pada folder data (--data-dir) lalu keluar: 0 berarti berhasil",
    )
    parser.add_argument(
        "--demo",
        action="store_true",
        help="tanpa perintah: buka desa demo bila basis data masih kosong (tanpa bertanya)",
    )
    if not commands:
        parser.set_defaults(command=None)
        return parser
    sub = parser.add_subparsers(
        dest="command", metavar="PERINTAH", parser_class=IndonesianArgumentParser
    )
    with collector_paused():  # the imports of every command: nothing to collect, much to walk
        modules = _command_modules(only)
    for module in modules:
        module.register(sub)
    return parser


def parse_arguments(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The arguments; opening the window (no subcommand, no --help) builds only the global
    options, so a start imports none of the subcommands' modules, and a known command only its
    own module. Anything else (--help, a mistyped command) gets the whole command line."""
    args, rest = build_parser(commands=False).parse_known_args(argv)
    if not rest:
        return args
    known = {command for _module, commands in COMMAND_MODULES for command in commands}
    return build_parser(only=rest[0] if rest[0] in known else None).parse_args(argv)


def run_command(args: argparse.Namespace) -> int:
    """Run a parsed subcommand; a UserError becomes one message on stderr and exit status 2."""
    func: Callable[[argparse.Namespace], int] = args.func
    try:
        return func(args)
    except BrokenPipeError:
        # The reader went away (``app.py plan | head``): what was written stays written, and
        # Python must not complain again when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0
    except UserError as exc:
        print(f"Galat: {exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    finally:
        for db in getattr(args, "opened_databases", []):
            db.dispose()  # and so release the database for the window and other commands


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        build_parser().print_help()
        return 0
    return run_command(args)
