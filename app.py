"""Jamsos Desa: composition root. Parses arguments, sets up logging, then runs a subcommand or opens the window."""

import logging
import sys


def main(argv: list[str] | None = None) -> int:
    from desa_budget.cli import parse_arguments
    from desa_budget.std_streams import ensure_std_streams

    ensure_std_streams()  # argparse may write before anything else runs
    args = parse_arguments(argv)
    if args.self_test:
        from ui.selftest import run_self_test

        return run_self_test(args)
    if args.command is None:
        # The window paints its frame first and sets up the log right after (ui.main.start).
        from ui.main import run_gui

        return run_gui(args)
    from desa_budget import __version__
    from desa_budget.cli import run_command
    from desa_budget.logging_setup import configure_logging
    from desa_budget.paths import data_paths

    configure_logging(data_paths(args.data_dir).logs)
    logging.getLogger("jamsos").info("Jamsos Desa %s: %s", __version__, args.command)
    return run_command(args)


if __name__ == "__main__":
    sys.exit(main())
