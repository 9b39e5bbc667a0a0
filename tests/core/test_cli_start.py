"""Opening the window from the command line reads only the global options: the subcommands'
modules (and the document libraries they load) are not imported for it."""

import os
import subprocess
import sys
from pathlib import Path

from desa_budget.cli import parse_arguments

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import sys
from desa_budget.cli import parse_arguments
args = parse_arguments(sys.argv[1:])
print(args.command, args.data_dir, sorted(m for m in ("openpyxl", "reportlab") if m in sys.modules))
"""


def _parse(*argv: str) -> str:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", CHILD, *argv],
        capture_output=True, text=True, env=env, cwd=ROOT, timeout=60, check=True,
    )  # fmt: skip
    return done.stdout.strip()


def test_the_window_needs_no_subcommand_modules() -> None:
    assert _parse("--data-dir", "d") == "None d []"
    assert _parse("--data-dir", "d", "simulate", "--year", "2026").startswith("simulate d ")


def test_a_subcommand_and_its_options_parse_as_before() -> None:
    args = parse_arguments(["--data-dir", "d", "roster", "import", "f.xlsx", "--dry-run"])
    assert (args.command, args.file, args.dry_run, args.data_dir) == ("roster", "f.xlsx", True, "d")
    args = parse_arguments(["--demo"])
    assert args.command is None and args.demo and not args.self_test
