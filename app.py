"""Jamsos Desa: composition root. Parses arguments, then runs a subcommand or opens the window."""

import sys


def main(argv: list[str] | None = None) -> int:
    from desa_budget.cli import build_parser, run_command

    args = build_parser().parse_args(argv)
    if args.command is not None:
        return run_command(args)
    from desa_budget.cli.default import run_default

    return run_default(args)


if __name__ == "__main__":
    sys.exit(main())
