"""Jamsos Desa: composition root. Parses arguments, sets up logging, then runs a subcommand or opens the window."""

import logging
import sys


def main(argv: list[str] | None = None) -> int:
    from desa_budget import __version__
    from desa_budget.cli import parse_arguments, run_command
    from desa_budget.logging_setup import configure_logging, ensure_std_streams
    from desa_budget.paths import data_paths

    ensure_std_streams()
    args = parse_arguments(argv)
    if args.self_test:
        from ui.selftest import run_self_test

        return run_self_test(args)
    configure_logging(data_paths(args.data_dir).logs)
    logging.getLogger("jamsos").info("Jamsos Desa %s: %s", __version__, args.command or "jendela")
    if args.command is not None:
        return run_command(args)
    from ui.main import run_gui

    return run_gui(args)


if __name__ == "__main__":
    sys.exit(main())
