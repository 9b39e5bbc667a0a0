"""A command line naming a command imports that command's module alone; the table that says
which module registers which command agrees with what the modules register."""

import argparse
import importlib
import subprocess
import sys

from desa_budget.cli import COMMAND_MODULES, build_parser


def test_every_command_is_listed_under_the_module_that_registers_it() -> None:
    for name, commands in COMMAND_MODULES:
        sub = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(f"desa_budget.cli.{name}").register(sub)
        assert tuple(sub.choices) == commands, name
    whole = build_parser()._subparsers._group_actions[0].choices  # the help text's order
    assert list(whole) == [c for _name, commands in COMMAND_MODULES for c in commands]


def test_the_annex_command_imports_none_of_the_other_commands() -> None:
    code = (
        "import sys\n"
        "from desa_budget.cli import parse_arguments\n"
        "args = parse_arguments(['annex', '--doc', 'all', '--out', 'x.pdf'])\n"
        "print(args.command, args.func.__module__)\n"
        "print(sorted(m for m in sys.modules if m.startswith('desa_budget.cli.')))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    assert out[0] == "annex desa_budget.cli.annex_cmds"
    assert "siskeudes_cmds" not in out[1] and "export_cmds" not in out[1]
    assert "annex_cmds" in out[1]
